using Gateway.Contracts.CodeLists;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;

namespace Gateway.Domain.Agreements;

/// <summary>
/// Whether a case worker's request to the registration tool is admitted, decided anew on every request so that a
/// revocation, suspension or termination takes effect on the next one: the certificate is registered to a case worker,
/// not revoked and in date, and one of the authority's registration-tool agreements admits the operation as
/// <see cref="AgreementDecisions.AdmitCall(Agreement?, Guid, RegistrationChannel, CallerContext, string, GatewayEnvironment, DateOnly)"/>
/// admits a SOAP call. Refusals carry the catalogue's codes, so that the tool and the web services refuse alike.
/// </summary>
public static class CaseWorkerSignIn
{
    /// <summary>The caller the tool acts as for <paramref name="caseWorker"/>, or the refusal.</summary>
    /// <param name="caseWorker">The case worker registered with the presented certificate's thumbprint; null when none is.</param>
    /// <param name="toolAgreements">The registration-tool agreements of the case worker's authority, oldest first.</param>
    /// <param name="principal">For an other actor's case worker: the authority acted for; null otherwise.</param>
    /// <param name="operation">The operation the request makes (<see cref="RegisterInterview.Operation"/>, …).</param>
    /// <param name="environment">The environment the tool serves.</param>
    /// <param name="now">The time of the request.</param>
    /// <param name="today">The day in Denmark, for the agreements' dates.</param>
    /// <param name="callId">The tool's own id of the request, recorded as a SOAP call's id is.</param>
    public static Outcome<(Agreement Agreement, CallerContext Context)> Admit(
        RegisteredCaseWorker? caseWorker, IReadOnlyList<Agreement> toolAgreements, AuthorityId? principal, string operation,
        GatewayEnvironment environment, DateTimeOffset now, DateOnly today, string callId)
    {
        if (caseWorker is null)
        {
            return new Refusal(FaultCodes.CertificateUnknown);
        }

        if (caseWorker.Revoked)
        {
            return new Refusal(FaultCodes.CertificateRevoked);
        }

        if (now < caseWorker.NotBefore || now > caseWorker.NotAfter)
        {
            return new Refusal(FaultCodes.CertificateExpired);
        }

        // An authority may hold several tool agreements over time (a Test one, a terminated one and its successor): any
        // one that admits the request does; otherwise the newest one's refusal says why, since it is the one an
        // operator changed last.
        Refusal? refused = null;
        foreach (var agreement in toolAgreements.Where(a => a.Authority == caseWorker.Authority))
        {
            var context = new CallerContext(agreement.Id, caseWorker.Authority, principal, caseWorker.CaseWorkerId, callId);
            refused = AgreementDecisions.AdmitCall(agreement, RegistrationTool.ItSystemId, RegistrationChannel.RegistrationTool, context, operation, environment, today);
            if (refused is null)
            {
                return (agreement, context);
            }
        }

        return refused ?? new Refusal(FaultCodes.AgreementNotFound);
    }
}
