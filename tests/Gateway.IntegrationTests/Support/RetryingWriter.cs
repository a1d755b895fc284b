using System.Collections.Concurrent;
using System.ServiceModel;
using Gateway.Contracts.Types;

namespace Gateway.IntegrationTests.Support;

/// <summary>What the integration guide tells a client to do with a write: after a <c>Server.*</c> fault or no answer, send it again with the same request id.</summary>
internal static class RetryingWriter
{
    /// <summary>Sends <paramref name="write"/> until it has a receipt, noting each fault code (or <c>transport</c>) it met on the way.</summary>
    public static async Task<RegistrationReceipt> UntilStoredAsync(Func<Task<RegistrationReceipt>> write, ConcurrentBag<string> faultsSeen, CancellationToken stop)
    {
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            try
            {
                return await write();
            }
            catch (FaultException<GatewayFault> fault) when (fault.Detail.Retryable)
            {
                faultsSeen.Add(fault.Detail.Code);
            }
            catch (CommunicationException)
            {
                faultsSeen.Add("transport");
            }

            await Task.Delay(200, stop);
        }
    }
}
