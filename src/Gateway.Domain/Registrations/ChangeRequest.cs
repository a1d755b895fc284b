using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;

namespace Gateway.Domain.Registrations;

/// <summary>
/// What a correction or cancellation must meet before anything else (domain.md § 5): the registration exists and the
/// caller's authority is responsible for it (else the answer does not tell whether it exists); the caller saw its
/// latest version; it is not cancelled; and the agreement covers its case type.
/// </summary>
public static class ChangeRequest
{
    /// <summary>Null when <paramref name="caller"/> may change version <paramref name="version"/> of the registration with <paramref name="history"/>.</summary>
    public static Refusal? Admit(Agreement agreement, Caller caller, IReadOnlyList<StoredRegistration> history, int version)
    {
        if (history.Count == 0 || history[^1].ResponsibleAuthority != caller.ResponsibleAuthority)
        {
            return new Refusal(FaultCodes.RegistrationNotFound);
        }

        var latest = history[^1];
        if (version != latest.Version)
        {
            return new Refusal(FaultCodes.StaleVersion);
        }

        return latest.IsCancellation
            ? new Refusal(FaultCodes.RegistrationCancelled)
            : AgreementDecisions.AdmitCaseType(agreement, latest.Interview.CaseType);
    }
}
