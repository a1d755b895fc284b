using System.Reflection;
using Gateway.Contracts;
using Gateway.Contracts.Types;
using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using Gateway.Host.Access;
using Gateway.Host.Pipeline;

namespace Gateway.Host.Soap;

/// <summary>
/// The SOAP adapter of the ContactCourse service: maps the contract to the domain operation and back, for the caller
/// the pipeline admitted (<see cref="Admission"/>). A
/// refusal leaves here as a <see cref="GatewayException"/>, the only way SoapCore knows to answer with a fault;
/// <see cref="GatewayFaultTransformer"/> shapes it.
/// </summary>
internal sealed class ContactCourseEndpoint(
    RegisterInterview registerInterview,
    CorrectInterview correctInterview,
    CancelInterview cancelInterview,
    GetInterview getInterview,
    ListRegistrations listRegistrations,
    GetContactCourse getContactCourse,
    TimeProvider clock,
    IHttpContextAccessor httpContext) : IContactCourseService
{
    private static readonly string Version =
        typeof(ContactCourseEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    private CancellationToken Aborted => httpContext.HttpContext?.RequestAborted ?? CancellationToken.None;

    // The authorize stage runs before every dispatch; an operation reached without it is a wiring bug.
    private Admission Admitted => httpContext.HttpContext?.Features.Get<SoapCall>()?.Admission
        ?? throw new InvalidOperationException("An operation was dispatched without the authorize stage.");

    public async Task<RegistrationReceipt> RegisterInterview(string requestId, InterviewRegistration registration)
    {
        var admitted = Admitted;
        var outcome = await registerInterview.HandleAsync(admitted.Agreement, admitted.Context, requestId, ContractMapper.ToInterview(registration), Aborted);
        return outcome.IsRefused ? throw new GatewayException(outcome.Refusal) : ContractMapper.ToContract(outcome.Value);
    }

    public async Task<ContactCourse> GetContactCourse(string cpr)
    {
        var admitted = Admitted;
        var outcome = await getContactCourse.HandleAsync(admitted.Agreement, admitted.Context, cpr, Aborted);
        return outcome.IsRefused ? throw new GatewayException(outcome.Refusal) : ContractMapper.ToContract(outcome.Value);
    }

    public async Task<RegistrationReceipt> CorrectInterview(string requestId, Guid registrationId, int version, string reason, InterviewRegistration registration)
    {
        var admitted = Admitted;
        var outcome = await correctInterview.HandleAsync(
            admitted.Agreement, admitted.Context, requestId, registrationId, version, reason, ContractMapper.ToInterview(registration), Aborted);
        return outcome.IsRefused ? throw new GatewayException(outcome.Refusal) : ContractMapper.ToContract(outcome.Value);
    }

    public async Task<RegistrationReceipt> CancelInterview(string requestId, Guid registrationId, int version, string reason)
    {
        var admitted = Admitted;
        var outcome = await cancelInterview.HandleAsync(admitted.Agreement, admitted.Context, requestId, registrationId, version, reason, Aborted);
        return outcome.IsRefused ? throw new GatewayException(outcome.Refusal) : ContractMapper.ToContract(outcome.Value);
    }

    public async Task<InterviewHistory> GetInterview(Guid registrationId)
    {
        var admitted = Admitted;
        var outcome = await getInterview.HandleAsync(admitted.Agreement, admitted.Context, registrationId, Aborted);
        return outcome.IsRefused ? throw new GatewayException(outcome.Refusal) : ContractMapper.ToContract(outcome.Value);
    }

    public async Task<RegistrationPage> ListRegistrations(string? cursor, int? maxCount)
    {
        var admitted = Admitted;
        var outcome = await listRegistrations.HandleAsync(admitted.Agreement, admitted.Context, cursor, maxCount, Aborted);
        return outcome.IsRefused ? throw new GatewayException(outcome.Refusal) : ContractMapper.ToContract(outcome.Value);
    }

    public Task<ServiceStatus> Ping() =>
        Task.FromResult(new ServiceStatus { ServerTime = clock.GetUtcNow().UtcDateTime, Version = Version });
}
