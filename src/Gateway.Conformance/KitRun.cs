using System.ServiceModel;
using System.Text.Json;
using Gateway.Contracts;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;

namespace Gateway.Conformance;

/// <summary>
/// One run of the kit: a well-behaved case system, step by step. It asks the gateway which scenarios apply to its IT
/// system, switches its drills on, makes the calls each scenario needs (handling every drill and fault as
/// docs/integration.md says a system must), and ends with what the gateway observed. The gateway judges; the kit only
/// behaves.
/// </summary>
internal sealed class KitRun(KitConnection connection, TextWriter progress)
{
    private const int PageSize = 500;
    private const int MaxPages = 10_000;

    private readonly SyntheticRegistrations _registrations = new();
    private readonly List<StepResult> _steps = [];
    private HashSet<string> _applicable = [];
    private string? _lastCursor;
    private (Guid Id, string Cpr)? _first;
    private Guid? _second;

    /// <summary>What each step did.</summary>
    public IReadOnlyList<StepResult> Steps => _steps;

    /// <summary>Runs every step, then returns the gateway's final judgement (<c>GET /conformance/v1/status</c>).</summary>
    public async Task<JsonElement> RunAsync(CancellationToken cancellationToken)
    {
        var before = await connection.StatusAsync(cancellationToken);
        _applicable = [.. before.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
        progress.WriteLine($"IT system {before.GetProperty("itSystem").GetString()} ({before.GetProperty("itSystemId").GetString()}), catalogue {before.GetProperty("catalogue").GetString()}: {_applicable.Count} scenarios apply.");
        await connection.SwitchDrillsAsync(true, cancellationToken);
        progress.WriteLine("Drills switched on for this IT system (PUT /conformance/v1/drills).");

        var client = connection.Soap11();
        await StepAsync("Ping for a case worker, SOAP 1.1", () => client.Ping());
        await StepAsync("Ping as a system call", () => connection.Soap11(systemCall: true).Ping());
        await StepAsync("Ping over SOAP 1.2", () => connection.Soap12().Ping());
        await StepAsync("Page the reconciliation feed to its end", () => PageFeedAsync(client, null), "operation.ListRegistrations");
        foreach (var caseType in Enum.GetValues<CaseType>().Where(c => _applicable.Contains($"register.{c}")))
        {
            await StepAsync($"Register a {caseType} interview with every mandatory item", () => RegisterAsync(client, _registrations.Mandatory(caseType)));
        }

        var mainCaseType = Enum.GetValues<CaseType>().FirstOrDefault(c => _applicable.Contains($"register.{c}"));
        await StepAsync("Register an interview with all twelve items", () => RegisterAsync(client, _registrations.Complete(mainCaseType)), "register.all-items");
        await StepAsync("Read the contact course back", () => client.GetContactCourse(_first?.Cpr ?? throw Missing()), "readback.contact-course");
        await StepAsync("Read the registration back by its id", () => client.GetInterview(_first?.Id ?? throw Missing()), "readback.interview");
        await StepAsync("Cancel a registration from its latest version", () => CancelAsync(client), "cancel");
        await StepAsync("Correct a refused registration before sending it again", () => CorrectRefusedAsync(client, mainCaseType), "fault.validation");
        await StepAsync("Correct a registration from the version last seen", () => CorrectAsync(client), "correct.last-seen");
        await StepAsync("Register through an outage, then reconcile from the last cursor", () => OutageAsync(client, mainCaseType), "reconcile.outage");

        return await connection.StatusAsync(cancellationToken);
    }

    private async Task StepAsync<T>(string title, Func<Task<T>> step, string? scenario = null)
    {
        if (scenario is not null && !_applicable.Contains(scenario))
        {
            return;
        }

        try
        {
            await step();
            _steps.Add(new StepResult(title, null));
            progress.WriteLine($"  ok    {title}");
        }
        catch (Exception ex) when (ex is KitException or FaultException or CommunicationException or TimeoutException)
        {
            var why = ex is FaultException<GatewayFault> fault ? $"{fault.Detail.Code}: {fault.Detail.Text}" : ex.Message;
            _steps.Add(new StepResult(title, why));
            progress.WriteLine($"  FAIL  {title}: {why}");
        }
    }

    private async Task<RegistrationReceipt> RegisterAsync(IContactCourseService client, InterviewRegistration registration)
    {
        var receipt = await WriteAsync(NewRequestId(), id => client.RegisterInterview(id, registration))
            ?? throw new KitException("The registration was not stored.");
        if (_first is null)
        {
            _first = (receipt.RegistrationId, registration.Cpr);
        }
        else
        {
            _second ??= receipt.RegistrationId;
        }

        return receipt;
    }

    private async Task<RegistrationReceipt> CancelAsync(IContactCourseService client)
    {
        var id = _second ?? throw Missing();
        var latest = await client.GetInterview(id);
        return await WriteAsync(NewRequestId(), requestId => client.CancelInterview(requestId, id, latest.CurrentVersion, "Registreret på forkert borger."))
            ?? throw new KitException("The cancellation was not stored.");
    }

    // A validation fault means the request must change: the kit corrects the date and sends the corrected registration.
    private async Task<RegistrationReceipt> CorrectRefusedAsync(IContactCourseService client, CaseType caseType)
    {
        var registration = _registrations.Mandatory(caseType);
        registration.Interview.HeldOn = SyntheticRegistrations.Today.AddDays(3);
        try
        {
            await client.RegisterInterview(NewRequestId(), registration);
            throw new KitException("A registration of an interview three days ahead was accepted; the gateway should refuse it with Client.Validation.RuleViolation.");
        }
        catch (FaultException<GatewayFault> fault) when (fault.Detail.Code.StartsWith("Client.Validation.", StringComparison.Ordinal))
        {
            progress.WriteLine($"        refused as expected ({fault.Detail.Code}: {string.Join(", ", (fault.Detail.FieldErrors ?? []).Select(f => f.Code))}); correcting HeldOn");
        }

        registration.Interview.HeldOn = SyntheticRegistrations.Today;
        return await RegisterAsync(client, registration);
    }

    // Reads the registration, corrects its latest version; a stale version means reading it again and deciding anew.
    private async Task<RegistrationReceipt> CorrectAsync(IContactCourseService client)
    {
        var (id, cpr) = _first ?? throw Missing();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var latest = await client.GetInterview(id);
            var corrected = _registrations.Mandatory(latest.Versions[^1].Interview.CaseType, cpr);
            corrected.MatchCategory = MatchCategory.IntetMatch;
            try
            {
                return await WriteAsync(NewRequestId(), requestId => client.CorrectInterview(requestId, id, latest.CurrentVersion, "Forkert matchkategori.", corrected))
                    ?? throw new KitException("The correction was not stored.");
            }
            catch (FaultException<GatewayFault> fault) when (fault.Detail.Code == "Client.Conflict.StaleVersion")
            {
                progress.WriteLine($"        version {latest.CurrentVersion} was stale ({Short(fault.Detail.Text)}); reading the registration again");
            }
        }

        throw new KitException("The correction stayed stale after reading the registration three times.");
    }

    // Writes that fail with a retryable fault twice are kept for later; afterwards the feed from the last cursor says
    // which arrived, and only the missing ones are sent again.
    private async Task<int> OutageAsync(IContactCourseService client, CaseType caseType)
    {
        var pending = new List<(string RequestId, InterviewRegistration Registration)>();
        foreach (var registration in new[] { _registrations.Mandatory(caseType), _registrations.Mandatory(caseType) })
        {
            var requestId = NewRequestId();
            if (await WriteAsync(requestId, id => client.RegisterInterview(id, registration), defer: true) is null)
            {
                pending.Add((requestId, registration));
            }
        }

        var arrived = await PageFeedAsync(client, _lastCursor);
        var missing = pending.Where(p => !arrived.Contains(p.RequestId)).ToList();
        progress.WriteLine($"        reconciled from the last cursor: {pending.Count} write(s) kept back, {missing.Count} missing, sending those once");
        foreach (var (requestId, registration) in missing)
        {
            _ = await WriteAsync(requestId, id => client.RegisterInterview(id, registration)) ?? throw new KitException("A missing write could not be sent.");
        }

        return missing.Count;
    }

    // Pages ListRegistrations from the cursor to the end, remembering the last cursor; returns the request ids seen.
    private async Task<HashSet<string>> PageFeedAsync(IContactCourseService client, string? cursor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var answer = await client.ListRegistrations(cursor, PageSize);
            seen.UnionWith(answer.Entries.Select(e => e.RequestId).OfType<string>());
            cursor = answer.NextCursor;
            if (!answer.More)
            {
                _lastCursor = cursor;
                return seen;
            }
        }

        throw new KitException($"The feed did not end within {MaxPages} pages of {PageSize}.");
    }

    // A write after a timeout or a retryable fault is sent again with the same request id (the first receipt comes back
    // if it was stored); with defer, a write that still fails is left for the reconciliation.
    private async Task<RegistrationReceipt?> WriteAsync(string requestId, Func<string, Task<RegistrationReceipt>> write, bool defer = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write(requestId);
            }
            catch (FaultException<GatewayFault> fault) when (fault.Detail.Retryable && attempt < 2)
            {
                progress.WriteLine($"        {fault.Detail.Code} ({Short(fault.Detail.Text)}); sending it again with the same RequestId");
            }
            catch (FaultException<GatewayFault> fault) when (fault.Detail.Retryable && defer)
            {
                progress.WriteLine($"        {fault.Detail.Code} again; keeping the write for the reconciliation");
                return null;
            }
        }
    }

    private static string NewRequestId() => "kit-" + Guid.NewGuid().ToString("N");

    private static KitException Missing() => new("An earlier step that this one needs did not succeed.");

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";
}

/// <summary>One step of a run: its title, and why it failed (null when it went as the kit expected).</summary>
internal sealed record StepResult(string Title, string? Failure);
