using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.Host.Sandbox;

namespace Gateway.IntegrationTests.Support;

/// <summary>The callers every test gateway has an Active Test agreement for, and the call context each sends.</summary>
public enum As
{
    /// <summary>Municipality 999 under the sandbox's fixed agreement (so stored requests and docs samples work unchanged).</summary>
    Municipality,

    /// <summary>Employment Service unit 1234 (Dagpenge).</summary>
    EmploymentServiceUnit,

    /// <summary>Other actor CVR 12345674 acting for municipality 999.</summary>
    OtherActor,
}

public static class Callers
{
    public static readonly Guid UnitAgreementId = Guid.Parse("0f5a4db0-c5e0-4a11-8d00-000000001234");
    public static readonly Guid OtherActorAgreementId = Guid.Parse("0f5a4db0-c5e0-4a11-8d00-000012345674");
    public const string MunicipalityCode = "999";
    public const string UnitCode = "1234";
    public const string OtherActorCvr = "12345674";

    public static Guid AgreementId(As caller) => caller switch
    {
        As.Municipality => SandboxIdentity.AgreementId,
        As.EmploymentServiceUnit => UnitAgreementId,
        _ => OtherActorAgreementId,
    };

    /// <summary>The call context a caller sends, with a fresh call id.</summary>
    public static CallContext ContextOf(As caller) => new()
    {
        AgreementId = AgreementId(caller),
        ActingAuthority = caller switch
        {
            As.Municipality => new Authority { Kind = AuthorityKind.Municipality, Code = MunicipalityCode },
            As.EmploymentServiceUnit => new Authority { Kind = AuthorityKind.EmploymentServiceUnit, Code = UnitCode },
            _ => new Authority { Kind = AuthorityKind.OtherActor, Code = OtherActorCvr },
        },
        Principal = caller == As.OtherActor ? new Authority { Kind = AuthorityKind.Municipality, Code = MunicipalityCode } : null,
        CaseWorkerId = caller == As.OtherActor ? "aa-7" : "cw-4711",
        CallId = "test-" + Guid.NewGuid().ToString("N")[..12],
    };

    /// <summary>The call context header as XML, for raw requests.</summary>
    public static string HeaderXml(As caller = As.Municipality)
    {
        var c = ContextOf(caller);
        var principal = c.Principal is null ? "" : $"<Principal><Kind>{c.Principal.Kind}</Kind><Code>{c.Principal.Code}</Code></Principal>";
        return $"<CallContext xmlns=\"urn:dk:ams:contactcourse:v1\"><AgreementId>{c.AgreementId}</AgreementId>" +
               $"<ActingAuthority><Kind>{c.ActingAuthority.Kind}</Kind><Code>{c.ActingAuthority.Code}</Code></ActingAuthority>{principal}" +
               $"<CaseWorkerId>{c.CaseWorkerId}</CaseWorkerId><CallId>{c.CallId}</CallId></CallContext>";
    }
}
