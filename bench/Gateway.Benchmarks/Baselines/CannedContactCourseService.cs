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
}
