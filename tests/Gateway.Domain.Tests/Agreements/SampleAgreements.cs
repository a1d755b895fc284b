using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Tests.Agreements;

/// <summary>An agreement with a value in every amendable field, for the tests of amendments and of the gate that judges them.</summary>
internal static class SampleAgreements
{
    /// <summary>An Active Production agreement of municipality 101 for three operations and one case type, valid in 2026.</summary>
    public static Agreement ActiveProduction { get; } = new()
    {
        Id = Guid.Parse("00000000-0000-4000-8000-0000000000aa"),
        Authority = new AuthorityId(AuthorityKind.Municipality, "101"),
        Principals = [],
        ItSystemId = Guid.Parse("00000000-0000-4000-8000-00000000000a"),
        Operations = new HashSet<string>(["Ping", "GetContactCourse", "RegisterInterview"], StringComparer.Ordinal),
        CaseTypes = new HashSet<CaseType>([CaseType.Kontanthjaelp]),
        ReadScope = ReadScope.OwnCitizens,
        Environment = GatewayEnvironment.Production,
        ValidFrom = new DateOnly(2026, 1, 1),
        ValidTo = new DateOnly(2026, 12, 31),
        Status = AgreementStatus.Active,
        Contact = "it@kk.example",
        ContractReference = "TA-2026-17",
    };
}
