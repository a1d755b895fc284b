using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Gateway.Contracts;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Host.Pipeline;

/// <summary>
/// Bodies that arrive too slowly or not at all, from an identified caller: one that trickles just fast enough for
/// Kestrel's minimum rate is ended at the body deadline (the connection closed, event 1102); one the caller abandons by
/// closing or resetting the connection is the caller's doing, logged at Information, never a Server.Internal.
/// </summary>
[TestFixture]
public sealed class SlowBodyTests
{
    private const string Path = "/soap/v1/ContactCourse";
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Envelope:MaxBodySeconds"] = "2" });

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task Body_TricklingPastTheDeadline_EndsItsConnection()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_gateway.BaseAddress.Host, _gateway.BaseAddress.Port);
        await using var tls = await RawHttps.ConnectAsync(tcp, TestGateway.ClientCertificate, [SslApplicationProtocol.Http11]);
        await tls.WriteAsync(Encoding.ASCII.GetBytes(Head(100_000)));

        // 50 bytes every 100 ms: well above Kestrel's minimum rate, far too slow for 100,000 bytes in 2 seconds.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var reading = ReadAllAsync(tls, bound.Token);
        for (var sent = 0; sent < 100_000 && !reading.IsCompleted && !bound.IsCancellationRequested; sent += 50)
        {
            try
            {
                await tls.WriteAsync(Encoding.ASCII.GetBytes(new string(' ', 50)), bound.Token);
                await Task.Delay(100, bound.Token);
            }
            catch (IOException)
            {
                break;
            }
        }

        var answer = await reading;
        Assert.Multiple(() =>
        {
            Assert.That(bound.IsCancellationRequested, Is.False, "the connection was still open at the bound");
            Assert.That(answer, Is.Empty, "nothing is answered to a body that never arrived whole");
            // The deadline closes the connection first and the envelope stage logs when its read returns, a moment later.
            Assert.That(() => _gateway.Log.Entries.Any(e => e.EventId.Id == 1102 && e.Message.Contains("not whole after 2 s", StringComparison.Ordinal)), Is.True.After(5000, 50));
            Assert.That(_gateway.Log.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}[{e.EventId.Id}]"), Is.Empty);
        });
    }

    [TestCase(true, TestName = "Body_AbandonedWithAReset_IsLoggedAsTheCallersDoing")]
    [TestCase(false, TestName = "Body_AbandonedWithAClose_IsLoggedAsTheCallersDoing")]
    public async Task Body_Abandoned_IsLoggedAsTheCallersDoing(bool reset)
    {
        var gone = _gateway.Log.Entries.Count(e => e.EventId.Id == 1102);
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(_gateway.BaseAddress.Host, _gateway.BaseAddress.Port);
            var tls = await RawHttps.ConnectAsync(tcp, TestGateway.ClientCertificate, [SslApplicationProtocol.Http11]);
            await tls.WriteAsync(Encoding.ASCII.GetBytes(Head(100_000) + new string(' ', 1000)));
            await tls.FlushAsync();
            await Task.Delay(200);
            if (reset)
            {
                tcp.Client.LingerState = new LingerOption(true, 0);
            }

            tcp.Client.Close();
        }

        await Eventually.HoldsAsync(() => _gateway.Log.Entries.Count(e => e.EventId.Id == 1102) > gone, "the abandoned body was never noticed");
        // Kestrel would log a failed drain of the body after the call has ended: give it the moment to.
        await Task.Delay(1000);
        Assert.That(_gateway.Log.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}[{e.EventId.Id}]"), Is.Empty);
    }

    [Test]
    public async Task Ping_AfterAbandonedBodies_IsAnswered()
    {
        var status = await _gateway.Client().Ping();
        Assert.That(status.Version, Is.Not.Empty);
    }

    private static string Head(int length) =>
        $"POST {Path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: \"{ContactCourseActions.Ping}\"\r\nContent-Length: {length}\r\n\r\n";

    private static async Task<string> ReadAllAsync(SslStream tls, CancellationToken cancellationToken)
    {
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            while (await tls.ReadAsync(buffer, cancellationToken) is var read and > 0)
            {
                answer.Write(buffer, 0, read);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // Closed by the server, or the bound passed.
        }

        return Encoding.ASCII.GetString(answer.ToArray());
    }
}
