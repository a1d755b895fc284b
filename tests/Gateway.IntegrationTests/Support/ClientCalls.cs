using Gateway.Contracts;
using Gateway.Contracts.Types;

namespace Gateway.IntegrationTests.Support;

/// <summary>Calls as most tests make them: each write with a request id of its own, because retries are not their subject.</summary>
public static class ClientCalls
{
    public static Task<RegistrationReceipt> RegisterInterview(this IContactCourseService client, InterviewRegistration registration) =>
        client.RegisterInterview("test-" + Guid.NewGuid().ToString("N"), registration);
}
