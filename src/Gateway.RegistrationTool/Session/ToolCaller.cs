using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.RegistrationTool.Session;

/// <summary>
/// The signed-in case worker of one request, looked up anew on every request, with their authority's registration-tool
/// agreements: what a page asks, through <see cref="Admit"/>, whether it may do what it is about to do.
/// </summary>
public sealed class ToolCaller(
    RegisteredCaseWorker caseWorker, IReadOnlyList<Agreement> agreements, AuthorityId? principal, GatewayEnvironment environment,
    DateTimeOffset now, DateOnly today, string callId)
{
    /// <summary>The case worker.</summary>
    public RegisteredCaseWorker CaseWorker { get; } = caseWorker;

    /// <summary>For an other actor's case worker: the authority chosen at sign-in to act for.</summary>
    public AuthorityId? Principal { get; } = principal;

    /// <summary>The authority responsible for what the case worker registers: the principal for an other actor, else their own.</summary>
    public AuthorityId Responsible => Principal ?? CaseWorker.Authority;

    /// <summary>The case worker's authority's registration-tool agreements, as read for this request.</summary>
    public IReadOnlyList<Agreement> Agreements { get; } = agreements;

    /// <summary>The day in Denmark.</summary>
    public DateOnly Today { get; } = today;

    /// <summary>The request's id, recorded as a SOAP call's id is and shown with an error.</summary>
    public string CallId { get; } = callId;

    /// <summary>The agreement and caller context under which <paramref name="operation"/> may be made now, or why not.</summary>
    public Outcome<(Agreement Agreement, CallerContext Context)> Admit(string operation) =>
        CaseWorkerSignIn.Admit(CaseWorker, Agreements, Principal, operation, environment, now, Today, CallId);

    /// <summary>The authorities an other actor's case worker may act for, from the authority's agreements.</summary>
    public static IReadOnlyList<AuthorityId> PrincipalsOf(IEnumerable<Agreement> agreements) =>
        [.. agreements.SelectMany(a => a.Principals).Distinct().OrderBy(p => p.Kind).ThenBy(p => p.Code, StringComparer.Ordinal)];

    /// <summary>The operations a case worker may be signed in for: any one admitted admits the sign-in.</summary>
    public static readonly IReadOnlyList<string> ToolOperations =
    [
        Domain.Registrations.RegisterInterview.Operation, Domain.Registrations.GetContactCourse.Operation, Domain.Registrations.GetInterview.Operation,
        Domain.Registrations.CorrectInterview.Operation, Domain.Registrations.CancelInterview.Operation, Domain.Supervision.ListOverdueCitizens.Operation,
    ];
}
