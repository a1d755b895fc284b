using Gateway.Cli.Execution;
using Gateway.Cli.Output;
using Gateway.Cli.Registrations;
using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary>The <c>agreements</c> commands' results as people read them; <c>--json</c> bypasses this.</summary>
public static class AgreementsText
{
    /// <summary><c>agreements show</c>: the agreement, then each change an operator let past the conformance gate.</summary>
    public static void Agreement(TextWriter writer, Agreement agreement, IReadOnlyList<AgreementHistoryEntry> overrides)
    {
        Agreement(writer, agreement);
        foreach (var o in overrides)
        {
            // Stored text (the values changed, the operator's name, the override's reason) is escaped, as the fields above are.
            var change = o.Changes.Count > 0 ? $"amended ({Changes(o.Changes)})" : $"{o.From} -> {o.To}";
            writer.WriteLine(PrintableText.Escape($"Conformance override: {change} at {HumanText.Time(o.ChangedAt)} by {o.ChangedBy}: {o.ConformanceOverride}"));
        }
    }

    /// <summary><c>agreements request</c>.</summary>
    public static void Agreement(TextWriter writer, Agreement agreement) => HumanText.Fields(writer,
        ("Id", agreement.Id.ToString()),
        ("Status", agreement.Status.ToString()),
        ("Authority", agreement.Authority.ToString()),
        ("Principals", agreement.Principals.Count == 0 ? "-" : string.Join(", ", agreement.Principals)),
        ("IT system", agreement.ItSystemId.ToString()),
        ("Channel", RegistrationsText.Channel(agreement.Channel)),
        ("Environment", agreement.Environment.ToString()),
        ("Operations", string.Join(", ", agreement.Operations.Order(StringComparer.Ordinal))),
        ("Case types", string.Join(", ", agreement.CaseTypes.Order())),
        ("Read scope", agreement.ReadScope.ToString()),
        ("Supervision", agreement.SupervisionScope + (agreement.OverdueCpr ? ", overdue lists with CPR numbers" : ", overdue lists masked")),
        ("Valid from", HumanText.Day(agreement.ValidFrom)),
        ("Valid to", agreement.ValidTo is { } to ? HumanText.Day(to) : "no end date"),
        ("Contact", agreement.Contact ?? "-"),
        ("Contract", agreement.ContractReference ?? "-"));

    /// <summary><c>agreements list</c>.</summary>
    public static void Agreements(TextWriter writer, IReadOnlyList<Agreement> agreements)
    {
        var table = new TextTable("ID", "STATUS", "ENV", "AUTHORITY", "PRINCIPALS", "CHANNEL", "IT SYSTEM", "VALID FROM", "VALID TO");
        foreach (var a in agreements)
        {
            table.Add(a.Id.ToString(), a.Status.ToString(), a.Environment.ToString(), a.Authority.ToString(),
                a.Principals.Count == 0 ? "-" : string.Join(",", a.Principals), RegistrationsText.Channel(a.Channel), a.ItSystemId.ToString(), HumanText.Day(a.ValidFrom), a.ValidTo is { } to ? HumanText.Day(to) : "-");
        }

        table.WriteTo(writer, "No agreements; request one with `gatewayctl agreements request`.");
    }

    /// <summary><c>agreements approve|reject|suspend|resume|terminate</c>.</summary>
    public static void Transition(TextWriter writer, TransitionResult result) =>
        writer.WriteLine($"Agreement {result.Agreement!.Id}: {result.From} -> {result.Agreement.Status}. The gateway applies it from its next call on.");

    /// <summary><c>agreements amend</c>.</summary>
    /// <remarks>The values before come from the database, whoever stored them: escaped (<see cref="PrintableText"/>), so that the result stays one line that says what is stored.</remarks>
    public static void Amendment(TextWriter writer, AmendmentResult result) =>
        writer.WriteLine(PrintableText.Escape($"Agreement {result.Agreement!.Id} amended: {Changes(result.Changes)}. The gateway applies it from its next call on."));

    /// <summary><c>agreements history</c>: status changes with FROM and TO, amendments with their CHANGES (the status is the same before and after).</summary>
    public static void History(TextWriter writer, IReadOnlyList<AgreementHistoryEntry> history)
    {
        var table = new TextTable("AT", "FROM", "TO", "BY", "CHANGES", "REASON");
        foreach (var h in history)
        {
            table.Add(HumanText.Time(h.ChangedAt), h.From?.ToString() ?? "-", h.To.ToString(), h.ChangedBy, h.Changes.Count == 0 ? "-" : Changes(h.Changes),
                h.ConformanceOverride is null ? h.Reason : $"{h.Reason} [conformance override: {h.ConformanceOverride}]");
        }

        table.WriteTo(writer, "No history.");
    }

    /// <summary>An amended field as people name it: <c>read scope</c>.</summary>
    public static string Label(AgreementField field) => field switch
    {
        AgreementField.Operations => "operations",
        AgreementField.CaseTypes => "case types",
        AgreementField.ReadScope => "read scope",
        AgreementField.ValidFrom => "valid from",
        AgreementField.ValidTo => "valid to",
        AgreementField.Contact => "contact",
        AgreementField.ContractReference => "contract reference",
        _ => field.ToString(),
    };

    // What an amendment changed: "operations Ping -> GetContactCourse,Ping; valid to 2026-12-31 -> none".
    private static string Changes(IReadOnlyList<AgreementChange> changes) =>
        string.Join("; ", changes.Select(c => $"{Label(c.Field)} {c.Before ?? ValueParsers.None} -> {c.After ?? ValueParsers.None}"));

    /// <summary><c>agreements usage</c>.</summary>
    public static void Usage(TextWriter writer, IReadOnlyList<UsageCount> usage)
    {
        var table = new TextTable("DAY", "OPERATION", "OUTCOME", "CALLS");
        foreach (var u in usage)
        {
            table.Add(HumanText.Day(u.Day), u.Operation, u.Outcome, u.Calls.ToString());
        }

        table.WriteTo(writer, "No calls recorded under this agreement.");
    }

    /// <summary><c>agreements expire</c>.</summary>
    public static void Expiry(TextWriter writer, ExpiryResult result)
    {
        if (result.Expired.Count == 0)
        {
            writer.WriteLine($"No Active agreement ended before {HumanText.Day(result.Today)}; nothing expired.");
            return;
        }

        writer.WriteLine($"Expired {result.Expired.Count} agreement(s) that ended before {HumanText.Day(result.Today)}:");
        foreach (var id in result.Expired)
        {
            writer.WriteLine(id);
        }
    }
}
