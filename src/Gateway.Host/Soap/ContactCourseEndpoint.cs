using System.Reflection;
using Gateway.Contracts;
using Gateway.Contracts.Types;
using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;

namespace Gateway.Host.Soap;

/// <summary>
/// The SOAP adapter of the ContactCourse service: maps the contract to the domain operation and back. A
/// refusal leaves here as a <see cref="GatewayException"/>, the only way SoapCore knows to answer with a fault;
/// <see cref="GatewayFaultTransformer"/> shapes it.
/// </summary>
internal sealed class ContactCourseEndpoint(
    RegisterInterview registerInterview,
    GetContactCourse getContactCourse,
    TimeProvider clock,
    IHttpContextAccessor httpContext) : IContactCourseService
{
    private static readonly string Version =
        typeof(ContactCourseEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    private CancellationToken Aborted => httpContext.HttpContext?.RequestAborted ?? CancellationToken.None;

    public async Task<RegistrationReceipt> RegisterInterview(CallContext callContext, InterviewRegistration registration)
    {
        // The caller travels in the body until connection agreements (§ 4) put it in a SOAP header,
        // established by the pipeline's identify stage; this line is the seam that then changes.
        var caller = ContractMapper.ToCaller(callContext);
        var outcome = await registerInterview.HandleAsync(caller, ContractMapper.ToInterview(registration), Aborted);
        return outcome.IsRefused ? throw new GatewayException(outcome.Refusal) : ContractMapper.ToContract(outcome.Value);
    }

    public async Task<ContactCourse> GetContactCourse(string cpr)
    {
        var outcome = await getContactCourse.HandleAsync(cpr, Aborted);
        return outcome.IsRefused ? throw new GatewayException(outcome.Refusal) : ContractMapper.ToContract(outcome.Value);
    }

    public Task<ServiceStatus> Ping() =>
        Task.FromResult(new ServiceStatus { ServerTime = clock.GetUtcNow().UtcDateTime, Version = Version });
}
