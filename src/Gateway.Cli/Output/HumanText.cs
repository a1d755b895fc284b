using Gateway.Cli.Agreements;
using Gateway.Cli.Authorities;
using Gateway.Cli.CertificateAuthority;
using Gateway.Cli.Schema;
using Gateway.Cli.Systems;
using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;

namespace Gateway.Cli.Output;

/// <summary>Every result as people read it: tables for lists, "field  value" lines for one thing. <c>--json</c> bypasses this.</summary>
public static class HumanText
{
    /// <summary><c>migrate</c>.</summary>
    public static void Migration(TextWriter writer, MigrationResult result) => writer.WriteLine(result.Applied.Count == 0
        ? "The schema is up to date; no migration was pending."
        : "Applied: " + string.Join(", ", result.Applied));

    /// <summary><c>authorities add</c>.</summary>
    public static void AuthorityAdded(TextWriter writer, AuthorityAdded result) => writer.WriteLine(result.Added
        ? $"Added authority {result.Authority} ({PrintableText.Escape(result.Name)})."
        : $"Authority {result.Authority} ({PrintableText.Escape(result.Name)}) was registered already; nothing changed.");

    /// <summary><c>authorities list</c>.</summary>
    public static void Authorities(TextWriter writer, IReadOnlyList<AuthorityRecord> authorities)
    {
        var table = new TextTable("KIND", "CODE", "NAME");
        foreach (var a in authorities)
        {
            table.Add(a.Authority.Kind.ToString(), a.Authority.Code, a.Name);
        }

        table.WriteTo(writer, "No authorities; add one with `gatewayctl authorities add`.");
    }

    /// <summary><c>systems add</c>: the id alone, so that a script can capture it.</summary>
    public static void ItSystemAdded(TextWriter writer, ItSystemAdded result) => writer.WriteLine(result.Id);

    /// <summary><c>systems list</c>.</summary>
    public static void ItSystems(TextWriter writer, IReadOnlyList<ItSystemRecord> systems)
    {
        var table = new TextTable("ID", "NAME", "VENDOR CVR");
        foreach (var s in systems)
        {
            table.Add(s.Id.ToString(), s.Name, s.VendorCvr);
        }

        table.WriteTo(writer, "No IT systems; add one with `gatewayctl systems add`.");
    }

    /// <summary><c>certificates add</c>.</summary>
    public static void Certificate(TextWriter writer, RegisteredCertificate certificate) => Fields(writer,
        ("Thumbprint", certificate.Thumbprint),
        ("Subject", certificate.Subject),
        ("Valid", $"{Time(certificate.NotBefore)} to {Time(certificate.NotAfter)}"),
        ("IT system", certificate.ItSystemId.ToString()),
        ("State", State(certificate)));

    /// <summary><c>certificates revoke</c>.</summary>
    public static void CertificateRevoked(TextWriter writer, RegisteredCertificate certificate) =>
        writer.WriteLine($"Revoked certificate {certificate.Thumbprint} ({PrintableText.Escape(certificate.Subject)}); the gateway refuses it from its next call on.");

    /// <summary><c>certificates list</c>.</summary>
    public static void Certificates(TextWriter writer, IReadOnlyList<RegisteredCertificate> certificates)
    {
        var table = new TextTable("THUMBPRINT", "IT SYSTEM", "NOT BEFORE", "NOT AFTER", "STATE", "SUBJECT");
        foreach (var c in certificates)
        {
            table.Add(c.Thumbprint, c.ItSystemId.ToString(), Time(c.NotBefore), Time(c.NotAfter), State(c), c.Subject);
        }

        table.WriteTo(writer, "No certificates; register one with `gatewayctl certificates add`.");
    }

    /// <summary><c>agreements request</c> and <c>show</c>.</summary>
    public static void Agreement(TextWriter writer, Agreement agreement) => Fields(writer,
        ("Id", agreement.Id.ToString()),
        ("Status", agreement.Status.ToString()),
        ("Authority", agreement.Authority.ToString()),
        ("Principals", agreement.Principals.Count == 0 ? "-" : string.Join(", ", agreement.Principals)),
        ("IT system", agreement.ItSystemId.ToString()),
        ("Environment", agreement.Environment.ToString()),
        ("Operations", string.Join(", ", agreement.Operations.Order(StringComparer.Ordinal))),
        ("Case types", string.Join(", ", agreement.CaseTypes.Order())),
        ("Read scope", agreement.ReadScope.ToString()),
        ("Valid from", Day(agreement.ValidFrom)),
        ("Valid to", agreement.ValidTo is { } to ? Day(to) : "no end date"),
        ("Contact", agreement.Contact ?? "-"),
        ("Contract", agreement.ContractReference ?? "-"));

    /// <summary><c>agreements list</c>.</summary>
    public static void Agreements(TextWriter writer, IReadOnlyList<Agreement> agreements)
    {
        var table = new TextTable("ID", "STATUS", "ENV", "AUTHORITY", "PRINCIPALS", "IT SYSTEM", "VALID FROM", "VALID TO");
        foreach (var a in agreements)
        {
            table.Add(a.Id.ToString(), a.Status.ToString(), a.Environment.ToString(), a.Authority.ToString(),
                a.Principals.Count == 0 ? "-" : string.Join(",", a.Principals), a.ItSystemId.ToString(), Day(a.ValidFrom), a.ValidTo is { } to ? Day(to) : "-");
        }

        table.WriteTo(writer, "No agreements; request one with `gatewayctl agreements request`.");
    }

    /// <summary><c>agreements approve|reject|suspend|resume|terminate</c>.</summary>
    public static void Transition(TextWriter writer, TransitionResult result) =>
        writer.WriteLine($"Agreement {result.Agreement!.Id}: {result.From} -> {result.Agreement.Status}. The gateway applies it from its next call on.");

    /// <summary><c>agreements history</c>.</summary>
    public static void History(TextWriter writer, IReadOnlyList<AgreementHistoryEntry> history)
    {
        var table = new TextTable("AT", "FROM", "TO", "BY", "REASON");
        foreach (var h in history)
        {
            table.Add(Time(h.ChangedAt), h.From?.ToString() ?? "-", h.To.ToString(), h.ChangedBy, h.Reason);
        }

        table.WriteTo(writer, "No history.");
    }

    /// <summary><c>agreements usage</c>.</summary>
    public static void Usage(TextWriter writer, IReadOnlyList<UsageCount> usage)
    {
        var table = new TextTable("DAY", "OPERATION", "OUTCOME", "CALLS");
        foreach (var u in usage)
        {
            table.Add(Day(u.Day), u.Operation, u.Outcome, u.Calls.ToString());
        }

        table.WriteTo(writer, "No calls recorded under this agreement.");
    }

    /// <summary><c>agreements expire</c>.</summary>
    public static void Expiry(TextWriter writer, ExpiryResult result)
    {
        if (result.Expired.Count == 0)
        {
            writer.WriteLine($"No Active agreement ended before {Day(result.Today)}; nothing expired.");
            return;
        }

        writer.WriteLine($"Expired {result.Expired.Count} agreement(s) that ended before {Day(result.Today)}:");
        foreach (var id in result.Expired)
        {
            writer.WriteLine(id);
        }
    }

    /// <summary><c>ca create|issue-server|issue-client</c>.</summary>
    public static void Issued(TextWriter writer, IssuedCertificate issued)
    {
        Fields(writer,
            ("Subject", issued.Subject),
            ("Thumbprint", issued.Thumbprint),
            ("Valid", $"{Time(issued.NotBefore)} to {Time(issued.NotAfter)}"));
        writer.WriteLine("Wrote:");
        foreach (var file in issued.Files)
        {
            writer.WriteLine("  " + file);
        }
    }

    /// <summary>Name-value lines with the values aligned and escaped (<see cref="PrintableText"/>), as every "show" prints them.</summary>
    internal static void Fields(TextWriter writer, params (string Name, string Value)[] fields)
    {
        var width = fields.Max(f => f.Name.Length) + 2;
        foreach (var (name, value) in fields)
        {
            writer.WriteLine(name.PadRight(width) + PrintableText.Escape(value));
        }
    }

    private static string State(RegisteredCertificate certificate) =>
        certificate.Revoked ? "revoked" : certificate.NotAfter < DateTimeOffset.UtcNow ? "expired" : certificate.NotBefore > DateTimeOffset.UtcNow ? "not yet valid" : "valid";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    /// <summary>A moment as every listing prints it: UTC, to the second.</summary>
    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'");
}
