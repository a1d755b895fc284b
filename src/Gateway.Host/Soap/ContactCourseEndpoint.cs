using System.Reflection;
using Gateway.Contracts;
using Gateway.Contracts.Types;
using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using Gateway.Domain.Supervision;
using Gateway.Host.Pipeline;
using Gateway.Host.Pipeline.Authorize;

namespace Gateway.Host.Soap;

/// <summary>
/// The SOAP adapter of the ContactCourse service (<see cref="IContactCourseService"/>, as the WSDL publishes it): reads
/// each operation's parts from the validated request, maps them to the domain operation for the admitted caller, and
/// maps the result back. A refusal stays a result; the dispatch stage turns it into the fault.
/// </summary>
internal sealed class ContactCourseEndpoint(
    RegisterInterview registerInterview,
    CorrectInterview correctInterview,
    CancelInterview cancelInterview,
    GetInterview getInterview,
    ListRegistrations listRegistrations,
    GetContactCourse getContactCourse,
    GetSupervisionReport getSupervisionReport,
    ListOverdueCitizens listOverdueCitizens,
    TimeProvider clock)
{
    private static readonly string Version =
        typeof(ContactCourseEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>Invokes <paramref name="operation"/> with the parts of <paramref name="request"/>, for the caller of <paramref name="admitted"/>.</summary>
    public Task<Outcome<OperationResponse>> InvokeAsync(ServiceOperation operation, OperationRequest request, Admission admitted, CancellationToken cancellationToken) =>
        operation.Name switch
        {
            nameof(IContactCourseService.RegisterInterview) => RegisterAsync(request, admitted, cancellationToken),
            nameof(IContactCourseService.CorrectInterview) => CorrectAsync(request, admitted, cancellationToken),
            nameof(IContactCourseService.CancelInterview) => CancelAsync(request, admitted, cancellationToken),
            nameof(IContactCourseService.GetContactCourse) => GetContactCourseAsync(request, admitted, cancellationToken),
            nameof(IContactCourseService.GetInterview) => GetInterviewAsync(request, admitted, cancellationToken),
            nameof(IContactCourseService.ListRegistrations) => ListAsync(request, admitted, cancellationToken),
            nameof(IContactCourseService.GetSupervisionReport) => SupervisionReportAsync(request, admitted, cancellationToken),
            nameof(IContactCourseService.ListOverdueCitizens) => OverdueAsync(request, admitted, cancellationToken),
            nameof(IContactCourseService.Ping) => Task.FromResult<Outcome<OperationResponse>>(
                new OperationResponse(operation.Name, "Status", new ServiceStatus { ServerTime = clock.GetUtcNow().UtcDateTime, Version = Version })),
            _ => throw new InvalidOperationException($"The operation {operation.Name} has no handler in the SOAP adapter."),
        };

    private async Task<Outcome<OperationResponse>> RegisterAsync(OperationRequest request, Admission admitted, CancellationToken cancellationToken)
    {
        var outcome = await registerInterview.HandleAsync(admitted.Agreement, admitted.Context, request.Text("RequestId"),
            ContractMapper.ToInterview(request.Complex<InterviewRegistration>("Registration")), cancellationToken);
        return Answer(outcome, RegisterInterview.Operation, "Receipt", ContractMapper.ToContract);
    }

    private async Task<Outcome<OperationResponse>> CorrectAsync(OperationRequest request, Admission admitted, CancellationToken cancellationToken)
    {
        var outcome = await correctInterview.HandleAsync(admitted.Agreement, admitted.Context, request.Text("RequestId"),
            request.Uuid("RegistrationId"), request.Int("Version"), request.Text("Reason"),
            ContractMapper.ToInterview(request.Complex<InterviewRegistration>("Registration")), cancellationToken);
        return Answer(outcome, CorrectInterview.Operation, "Receipt", ContractMapper.ToContract);
    }

    private async Task<Outcome<OperationResponse>> CancelAsync(OperationRequest request, Admission admitted, CancellationToken cancellationToken)
    {
        var outcome = await cancelInterview.HandleAsync(admitted.Agreement, admitted.Context, request.Text("RequestId"),
            request.Uuid("RegistrationId"), request.Int("Version"), request.Text("Reason"), cancellationToken);
        return Answer(outcome, CancelInterview.Operation, "Receipt", ContractMapper.ToContract);
    }

    private async Task<Outcome<OperationResponse>> GetContactCourseAsync(OperationRequest request, Admission admitted, CancellationToken cancellationToken)
    {
        var outcome = await getContactCourse.HandleAsync(admitted.Agreement, admitted.Context, request.Text("Cpr"), cancellationToken);
        return Answer(outcome, GetContactCourse.Operation, "ContactCourse", ContractMapper.ToContract);
    }

    private async Task<Outcome<OperationResponse>> GetInterviewAsync(OperationRequest request, Admission admitted, CancellationToken cancellationToken)
    {
        var outcome = await getInterview.HandleAsync(admitted.Agreement, admitted.Context, request.Uuid("RegistrationId"), cancellationToken);
        return Answer(outcome, GetInterview.Operation, "Interview", ContractMapper.ToContract);
    }

    private async Task<Outcome<OperationResponse>> ListAsync(OperationRequest request, Admission admitted, CancellationToken cancellationToken)
    {
        var outcome = await listRegistrations.HandleAsync(admitted.Agreement, admitted.Context,
            request.OptionalText("Cursor"), request.OptionalInt("MaxCount"), cancellationToken);
        return Answer(outcome, ListRegistrations.Operation, "Page", ContractMapper.ToContract);
    }

    private async Task<Outcome<OperationResponse>> SupervisionReportAsync(OperationRequest request, Admission admitted, CancellationToken cancellationToken)
    {
        var query = request.Complex<SupervisionQuery>("Query");
        var outcome = await getSupervisionReport.HandleAsync(admitted.Agreement, admitted.Context,
            ContractMapper.ToAuthority(query.Authority), DateOnly.FromDateTime(query.From), DateOnly.FromDateTime(query.To), cancellationToken);
        return Answer(outcome, GetSupervisionReport.Operation, "Report", ContractMapper.ToContract);
    }

    private async Task<Outcome<OperationResponse>> OverdueAsync(OperationRequest request, Admission admitted, CancellationToken cancellationToken)
    {
        var query = request.Complex<OverdueQuery>("Query");
        var outcome = await listOverdueCitizens.HandleAsync(admitted.Agreement, admitted.Context,
            ContractMapper.ToAuthority(query.Authority), DateOnly.FromDateTime(query.AsOf), query.IncludeCpr, request.OptionalText("Cursor"), request.OptionalInt("MaxCount"), cancellationToken);
        return Answer(outcome, ListOverdueCitizens.Operation, "Page", ContractMapper.ToContract);
    }

    private static Outcome<OperationResponse> Answer<T>(Outcome<T> outcome, string operation, string part, Func<T, object> toContract) =>
        outcome.IsRefused ? outcome.Refusal : new OperationResponse(operation, part, toContract(outcome.Value));
}
