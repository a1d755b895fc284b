using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Tests.Agreements;

/// <summary>
/// The authorization matrix: every operation × every agreement status × each kind of caller (municipality,
/// Employment Service unit, other actor with and without its principal) × case type × environment → admitted, or
/// refused with exactly one code.
/// </summary>
public class AgreementDecisionsTests
{
    private static readonly Guid System = Guid.Parse("00000000-0000-4000-8000-00000000000a");
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly AuthorityId Municipality = new(AuthorityKind.Municipality, "101");
    private static readonly AuthorityId Unit = new(AuthorityKind.EmploymentServiceUnit, "1234");
    private static readonly AuthorityId OtherActor = new(AuthorityKind.OtherActor, "12345674");
    private static readonly string[] Operations = ["RegisterInterview", "GetContactCourse", "Ping"];

    public enum Caller
    {
        Municipality,
        EmploymentServiceUnit,
        OtherActorWithPrincipal,
        OtherActorWithoutPrincipal,
    }

    // What the status alone decides (domain.md § 7: only Active and in date admits).
    private static readonly Dictionary<AgreementStatus, FaultCode?> ByStatus = new()
    {
        [AgreementStatus.Requested] = FaultCodes.AgreementNotApproved,
        [AgreementStatus.Rejected] = FaultCodes.AgreementNotApproved,
        [AgreementStatus.Active] = null,
        [AgreementStatus.Suspended] = FaultCodes.AgreementSuspended,
        [AgreementStatus.Terminated] = FaultCodes.AgreementTerminated,
        [AgreementStatus.Expired] = FaultCodes.AgreementExpired,
    };

    public static IEnumerable<TestCaseData> Matrix() =>
        from operation in Operations
        from status in Enum.GetValues<AgreementStatus>()
        from caller in Enum.GetValues<Caller>()
        from caseType in Enum.GetValues<CaseType>()
        from environment in Enum.GetValues<GatewayEnvironment>()
        select new TestCaseData(operation, status, caller, caseType, environment).Returns(Expected(operation, status, caller, caseType, environment));

    [TestCaseSource(nameof(Matrix))]
    public string? Decide_EveryCombination_AdmitsOrRefusesWithItsCode(
        string operation, AgreementStatus status, Caller caller, CaseType caseType, GatewayEnvironment environment)
    {
        // The agreement is a Test agreement for the caller's authority covering RegisterInterview and Ping only, and
        // only the case types its authority registers.
        var agreement = AgreementFor(caller, status);
        var refusal = AgreementDecisions.AdmitCall(agreement, System, ContextOf(caller), operation, environment, Today)
            ?? (operation == "RegisterInterview" ? AgreementDecisions.AdmitCaseType(agreement, caseType) : null);
        return refusal?.Code.Value;
    }

    private static string? Expected(string operation, AgreementStatus status, Caller caller, CaseType caseType, GatewayEnvironment environment)
    {
        var code = ByStatus[status]
            ?? (environment != GatewayEnvironment.Test ? FaultCodes.WrongEnvironment : null)
            ?? (operation == "GetContactCourse" ? FaultCodes.OperationNotInAgreement : null)
            ?? (caller == Caller.OtherActorWithoutPrincipal ? FaultCodes.NotActingForPrincipal : null)
            ?? (operation == "RegisterInterview" && !RegistersFor(caller).Contains(caseType) ? FaultCodes.CaseTypeNotAllowed : null);
        return code?.Value;
    }

    [Test]
    public void AdmitCall_NoSuchAgreement_IsNotFound() =>
        Assert.That(AgreementDecisions.AdmitCall(null, System, ContextOf(Caller.Municipality), "Ping", GatewayEnvironment.Test, Today)!.Code, Is.EqualTo(FaultCodes.AgreementNotFound));

    [Test]
    public void AdmitCall_AnotherSystemsAgreement_IsAnsweredAsIfItDidNotExist() =>
        Assert.That(AgreementDecisions.AdmitCall(AgreementFor(Caller.Municipality, AgreementStatus.Suspended), Guid.NewGuid(), ContextOf(Caller.Municipality), "Ping", GatewayEnvironment.Test, Today)!.Code,
            Is.EqualTo(FaultCodes.AgreementNotFound));

    [TestCase(1, null, "Client.AccessDenied.AgreementNotYetValid")]
    [TestCase(0, null, null)]
    [TestCase(-30, 0, null)]
    [TestCase(-30, -1, "Client.AccessDenied.AgreementExpired")]
    public void AdmitCall_ValidityDates_AreInclusive(int fromDays, int? toDays, string? expected)
    {
        var agreement = AgreementFor(Caller.Municipality, AgreementStatus.Active) with
        {
            ValidFrom = Today.AddDays(fromDays),
            ValidTo = toDays is { } to ? Today.AddDays(to) : null,
        };
        Assert.That(AgreementDecisions.AdmitCall(agreement, System, ContextOf(Caller.Municipality), "Ping", GatewayEnvironment.Test, Today)?.Code.Value, Is.EqualTo(expected));
    }

    [Test]
    public void AdmitCall_ActingAuthorityOfAnotherAgreement_IsAuthorityNotInAgreement()
    {
        var context = ContextOf(Caller.Municipality) with { ActingAuthority = new AuthorityId(AuthorityKind.Municipality, "147") };
        Assert.That(AgreementDecisions.AdmitCall(AgreementFor(Caller.Municipality, AgreementStatus.Active), System, context, "Ping", GatewayEnvironment.Test, Today)!.Code,
            Is.EqualTo(FaultCodes.AuthorityNotInAgreement));
    }

    [Test]
    public void AdmitCall_OtherActorForAPrincipalNotInTheAgreement_IsNotActingForPrincipal()
    {
        var context = ContextOf(Caller.OtherActorWithPrincipal) with { Principal = new AuthorityId(AuthorityKind.Municipality, "147") };
        Assert.That(AgreementDecisions.AdmitCall(AgreementFor(Caller.OtherActorWithPrincipal, AgreementStatus.Active), System, context, "Ping", GatewayEnvironment.Test, Today)!.Code,
            Is.EqualTo(FaultCodes.NotActingForPrincipal));
    }

    [Test]
    public void AdmitCall_MunicipalityNamingAPrincipal_IsNotActingForPrincipal()
    {
        var context = ContextOf(Caller.Municipality) with { Principal = Unit };
        Assert.That(AgreementDecisions.AdmitCall(AgreementFor(Caller.Municipality, AgreementStatus.Active), System, context, "Ping", GatewayEnvironment.Test, Today)!.Code,
            Is.EqualTo(FaultCodes.NotActingForPrincipal));
    }

    [TestCase(ReadScope.AllCitizens, false, null)]
    [TestCase(ReadScope.AllCitizens, true, null)]
    [TestCase(ReadScope.OwnCitizens, true, null)]
    [TestCase(ReadScope.OwnCitizens, false, "Client.AccessDenied.OutsideReadScope")]
    public void AdmitRead_ByScope_OnlyOwnCitizensScopeRefusesACitizenNotOurs(ReadScope scope, bool own, string? expected) =>
        Assert.That(AgreementDecisions.AdmitRead(AgreementFor(Caller.Municipality, AgreementStatus.Active) with { ReadScope = scope }, own)?.Code.Value, Is.EqualTo(expected));

    // Own authority: the one the call is made for (an other actor's principal, else the acting authority); all
    // authorities: any. Nothing else about the caller matters.
    [TestCase(Caller.Municipality, SupervisionScope.OwnAuthority, "Municipality:101", null)]
    [TestCase(Caller.Municipality, SupervisionScope.OwnAuthority, "Municipality:147", "Client.AccessDenied.OutsideSupervisionScope")]
    [TestCase(Caller.Municipality, SupervisionScope.OwnAuthority, "EmploymentServiceUnit:1234", "Client.AccessDenied.OutsideSupervisionScope")]
    [TestCase(Caller.EmploymentServiceUnit, SupervisionScope.OwnAuthority, "EmploymentServiceUnit:1234", null)]
    [TestCase(Caller.OtherActorWithPrincipal, SupervisionScope.OwnAuthority, "Municipality:101", null)]
    [TestCase(Caller.OtherActorWithPrincipal, SupervisionScope.OwnAuthority, "OtherActor:12345674", "Client.AccessDenied.OutsideSupervisionScope")]
    [TestCase(Caller.EmploymentServiceUnit, SupervisionScope.AllAuthorities, "Municipality:147", null)]
    [TestCase(Caller.Municipality, SupervisionScope.AllAuthorities, "EmploymentServiceUnit:1234", null)]
    public void AdmitSupervision_ByScope_OwnAuthorityIsTheOneCalledFor(Caller caller, SupervisionScope scope, string subject, string? expected)
    {
        var (kind, code) = (subject.Split(':')[0], subject.Split(':')[1]);
        var agreement = AgreementFor(caller, AgreementStatus.Active) with { SupervisionScope = scope };

        Assert.That(AgreementDecisions.AdmitSupervision(agreement, ContextOf(caller), new AuthorityId(Enum.Parse<AuthorityKind>(kind), code))?.Code.Value, Is.EqualTo(expected));
    }

    [TestCase(false, false, null)]
    [TestCase(false, true, null)]
    [TestCase(true, true, null)]
    [TestCase(true, false, "Client.AccessDenied.CprNotInScope")]
    public void AdmitOverdueCpr_ByScope_OnlyAnAgreementWithoutItRefusesAnAsk(bool asked, bool scope, string? expected) =>
        Assert.That(AgreementDecisions.AdmitOverdueCpr(AgreementFor(Caller.Municipality, AgreementStatus.Active) with { OverdueCpr = scope }, asked)?.Code.Value, Is.EqualTo(expected));

    private static Agreement AgreementFor(Caller caller, AgreementStatus status) => new()
    {
        Id = Guid.NewGuid(),
        Authority = caller switch
        {
            Caller.Municipality => Municipality,
            Caller.EmploymentServiceUnit => Unit,
            _ => OtherActor,
        },
        Principals = caller is Caller.OtherActorWithPrincipal or Caller.OtherActorWithoutPrincipal ? [Municipality] : [],
        ItSystemId = System,
        Operations = new HashSet<string> { "RegisterInterview", "Ping" },
        CaseTypes = RegistersFor(caller),
        ReadScope = ReadScope.OwnCitizens,
        Environment = GatewayEnvironment.Test,
        ValidFrom = Today.AddYears(-1),
        Status = status,
    };

    private static CallerContext ContextOf(Caller caller) => caller switch
    {
        Caller.Municipality => new CallerContext(Guid.NewGuid(), Municipality, null, "cw", "call-1"),
        Caller.EmploymentServiceUnit => new CallerContext(Guid.NewGuid(), Unit, null, "cw", "call-1"),
        Caller.OtherActorWithPrincipal => new CallerContext(Guid.NewGuid(), OtherActor, Municipality, "cw", "call-1"),
        _ => new CallerContext(Guid.NewGuid(), OtherActor, null, null, "call-1"),
    };

    private static HashSet<CaseType> RegistersFor(Caller caller) => caller == Caller.EmploymentServiceUnit
        ? [CaseType.Dagpenge]
        : [CaseType.Kontanthjaelp, CaseType.Starthjaelp];
}
