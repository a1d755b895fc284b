using Gateway.Contracts.CodeLists;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Supervision;

/// <summary>The checks both supervision operations make of what they are asked, and whom they admit, in this order.</summary>
internal static class SupervisionRequests
{
    /// <summary>The longest period one report covers.</summary>
    public const int MaxPeriodYears = 5;

    /// <summary>What is wrong with the authority asked about: figures are kept for the authority responsible for registrations.</summary>
    public static IEnumerable<FieldViolation> AuthorityProblems(AuthorityId authority)
    {
        if (authority.Kind is not (AuthorityKind.Municipality or AuthorityKind.EmploymentServiceUnit))
        {
            yield return new("Query/Authority/Kind", "Supervision.NotResponsible",
                "Supervision figures are kept for a municipality or an Employment Service unit, the authority responsible for registrations; an other actor's registrations count for its principal.");
        }
        else if (AuthorityId.Check(authority.Kind, authority.Code) is (false, var rule))
        {
            yield return new("Query/Authority/Code", "Authority.Invalid", rule);
        }
    }

    /// <summary>
    /// Whether the agreement may read about <paramref name="authority"/>, and whether it is registered. A refusal for
    /// the scope is recorded in the access log as the other reads' are; so is every admitted read, by the caller.
    /// </summary>
    public static async Task<Refusal?> AdmitAsync(
        ISupervisionStore store, IAccessLog accessLog, Accessor accessor, AuthorityId authority, bool askedCpr, CancellationToken cancellationToken)
    {
        var refusal = AgreementDecisions.AdmitSupervision(accessor.Agreement, accessor.Context, authority)
            ?? AgreementDecisions.AdmitOverdueCpr(accessor.Agreement, askedCpr);
        if (refusal is not null)
        {
            await accessLog.RecordAsync([accessor.Entry(null, null, AccessOutcome.Of(refusal), authority)], cancellationToken);
            return refusal;
        }

        return await store.IsRegisteredAsync(authority, cancellationToken)
            ? null
            : new Refusal(FaultCodes.RuleViolation, [new FieldViolation("Query/Authority", "Authority.Unknown", "No municipality or Employment Service unit with this code is registered.")]);
    }
}
