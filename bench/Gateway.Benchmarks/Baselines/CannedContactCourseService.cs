using Gateway.Contracts;
using Gateway.Contracts.Types;

namespace Gateway.Benchmarks.Baselines;

/// <summary>The contract answered with canned values: no guard, no validation, no store. The SOAP limit.</summary>
internal sealed class CannedContactCourseService : IContactCourseService
{
    public Task<RegistrationReceipt> RegisterInterview(string requestId, InterviewRegistration registration) =>
        Task.FromResult(new RegistrationReceipt { RegistrationId = Guid.CreateVersion7(), Version = 1, ReceivedAt = DateTime.UtcNow });

    public Task<ContactCourse> GetContactCourse(string cpr) => Task.FromResult(new ContactCourse { Cpr = cpr });

    public Task<ServiceStatus> Ping() => Task.FromResult(new ServiceStatus { ServerTime = DateTime.UtcNow, Version = "baseline" });

    // The baselines set limits for RegisterInterview, GetContactCourse and Ping only; the other operations are not measured here.
    public Task<RegistrationReceipt> CorrectInterview(string requestId, Guid registrationId, int version, string reason, InterviewRegistration registration) =>
        throw new NotSupportedException("Not measured against the baselines.");

    public Task<RegistrationReceipt> CancelInterview(string requestId, Guid registrationId, int version, string reason) =>
        throw new NotSupportedException("Not measured against the baselines.");

    public Task<InterviewHistory> GetInterview(Guid registrationId) => throw new NotSupportedException("Not measured against the baselines.");

    public Task<RegistrationPage> ListRegistrations(string? cursor, int? maxCount) => throw new NotSupportedException("Not measured against the baselines.");

    public Task<SupervisionReport> GetSupervisionReport(SupervisionQuery query) => throw new NotSupportedException("Not measured against the baselines.");

    public Task<OverdueCitizenPage> ListOverdueCitizens(OverdueQuery query, string? cursor, int? maxCount) =>
        throw new NotSupportedException("Not measured against the baselines.");
}
