using Gateway.Contracts.CodeLists;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Agreements;

/// <summary>
/// Every decision an agreement makes about a call (domain.md § 7, § 6), in one place. The checks run in a fixed
/// order, so each refusal has exactly one code: first whether the agreement is the caller's at all, then whether it
/// admits anything now, then whether it admits this call.
/// </summary>
public static class AgreementDecisions
{
    /// <summary>Whether <paramref name="agreement"/> admits a call to <paramref name="operation"/> from the IT system <paramref name="itSystemId"/> with <paramref name="context"/>, on <paramref name="today"/>.</summary>
    /// <returns>Null when admitted; otherwise the refusal.</returns>
    public static Refusal? AdmitCall(
        Agreement? agreement, Guid itSystemId, CallerContext context, string operation, GatewayEnvironment environment, DateOnly today) =>
        AdmitCall(agreement, itSystemId, RegistrationChannel.WebServices, context, operation, environment, today);

    /// <summary>As <see cref="AdmitCall(Agreement?, Guid, CallerContext, string, GatewayEnvironment, DateOnly)"/>, for a call that came through <paramref name="channel"/>.</summary>
    /// <returns>Null when admitted; otherwise the refusal.</returns>
    public static Refusal? AdmitCall(
        Agreement? agreement, Guid itSystemId, RegistrationChannel channel, CallerContext context, string operation, GatewayEnvironment environment, DateOnly today)
    {
        // Another system's agreement, or one for the other channel, is answered as if it did not exist: its id tells a
        // stranger nothing.
        if (agreement is null || agreement.ItSystemId != itSystemId || agreement.Channel != channel)
        {
            return new Refusal(FaultCodes.AgreementNotFound);
        }

        var code = agreement.Status switch
        {
            AgreementStatus.Requested or AgreementStatus.Rejected => FaultCodes.AgreementNotApproved,
            AgreementStatus.Suspended => FaultCodes.AgreementSuspended,
            AgreementStatus.Terminated => FaultCodes.AgreementTerminated,
            AgreementStatus.Expired => FaultCodes.AgreementExpired,
            _ when today < agreement.ValidFrom => FaultCodes.AgreementNotYetValid,
            _ when agreement.ValidTo < today => FaultCodes.AgreementExpired,
            _ when agreement.Environment != environment => FaultCodes.WrongEnvironment,
            _ when !agreement.Operations.Contains(operation) => FaultCodes.OperationNotInAgreement,
            _ when context.ActingAuthority != agreement.Authority => FaultCodes.AuthorityNotInAgreement,
            _ when !PrincipalFits(agreement, context) => FaultCodes.NotActingForPrincipal,
            _ => null,
        };
        return code is null ? null : new Refusal(code);
    }

    /// <summary>Whether the agreement lets its caller register a case of <paramref name="caseType"/>.</summary>
    public static Refusal? AdmitCaseType(Agreement agreement, CaseType caseType) =>
        agreement.CaseTypes.Contains(caseType) ? null : new Refusal(FaultCodes.CaseTypeNotAllowed);

    /// <summary>Whether the agreement may read a citizen who <paramref name="hasRegistrationFromResponsible"/> (a registration whose responsible authority is the caller's).</summary>
    public static Refusal? AdmitRead(Agreement agreement, bool hasRegistrationFromResponsible) =>
        agreement.ReadScope == ReadScope.AllCitizens || hasRegistrationFromResponsible ? null : new Refusal(FaultCodes.OutsideReadScope);

    /// <summary>
    /// Whether the agreement may read the supervision figures of <paramref name="subject"/>: any authority under
    /// <see cref="SupervisionScope.AllAuthorities"/>; otherwise only the authority the call is made for (the principal an
    /// other actor names, else the acting authority).
    /// </summary>
    public static Refusal? AdmitSupervision(Agreement agreement, CallerContext context, AuthorityId subject) =>
        agreement.SupervisionScope == SupervisionScope.AllAuthorities || subject == (context.Principal ?? context.ActingAuthority)
            ? null
            : new Refusal(FaultCodes.OutsideSupervisionScope);

    /// <summary>Whether the agreement's overdue lists may name CPR numbers, when the caller asks for them.</summary>
    public static Refusal? AdmitOverdueCpr(Agreement agreement, bool asked) =>
        !asked || agreement.OverdueCpr ? null : new Refusal(FaultCodes.CprNotInScope);

    // An other actor names one of its principals; anyone else names none.
    private static bool PrincipalFits(Agreement agreement, CallerContext context) =>
        agreement.Authority.Kind == AuthorityKind.OtherActor
            ? context.Principal is not null && agreement.Principals.Contains(context.Principal)
            : context.Principal is null;
}
