using Gateway.Contracts.CodeLists;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using Moq;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>The operations called as the authorize stage would: under an Active agreement of the caller's authority.</summary>
internal static class AdmittedCalls
{
    public static Agreement AgreementOf(Caller caller, ReadScope scope = ReadScope.AllCitizens, IEnumerable<CaseType>? caseTypes = null) => new()
    {
        Id = Guid.Parse("00000000-0000-4000-8000-0000000000a1"),
        Authority = caller.ActingAuthority,
        Principals = caller.Principal is null ? [] : [caller.Principal],
        ItSystemId = Guid.Parse("00000000-0000-4000-8000-0000000000b1"),
        Operations = new HashSet<string> { "RegisterInterview", "GetContactCourse", "Ping" },
        CaseTypes = (caseTypes ?? Enum.GetValues<CaseType>()).ToHashSet(),
        ReadScope = scope,
        Environment = GatewayEnvironment.Test,
        ValidFrom = new DateOnly(2005, 9, 1),
        Status = AgreementStatus.Active,
    };

    /// <summary>RegisterInterview with the default rules, over <paramref name="store"/>, with an access log that accepts everything.</summary>
    public static RegisterInterview Register(IRegistrationStore store, TimeProvider clock) =>
        new(SampleRegistrations.RulesOf(new RegistrationPolicy()), new RegistrationWrites(store, Mock.Of<IAccessLog>(), clock));

    /// <summary>GetContactCourse over <paramref name="store"/>, with an access log that accepts everything.</summary>
    public static GetContactCourse Read(IRegistrationStore store) => new(store, Mock.Of<IAccessLog>(), TimeProvider.System);

    public static CallerContext ContextOf(Caller caller) =>
        new(Guid.Parse("00000000-0000-4000-8000-0000000000a1"), caller.ActingAuthority, caller.Principal, caller.CaseWorkerId, "call-1");

    public static Task<Outcome<Receipt>> HandleAsync(this RegisterInterview operation, Caller caller, Interview interview, CancellationToken cancellationToken) =>
        operation.HandleAsync(AgreementOf(caller), ContextOf(caller), "request-" + Guid.NewGuid().ToString("N"), interview, cancellationToken);

    public static Task<Outcome<CitizenCourse>> HandleAsync(this GetContactCourse operation, string cpr, CancellationToken cancellationToken) =>
        operation.HandleAsync(AgreementOf(SampleRegistrations.MunicipalityCaller), ContextOf(SampleRegistrations.MunicipalityCaller), cpr, cancellationToken);
}
