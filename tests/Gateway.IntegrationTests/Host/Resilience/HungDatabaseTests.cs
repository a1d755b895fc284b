using System.Diagnostics;
using System.Text;
using System.ServiceModel;
using Gateway.Contracts;
using Gateway.Contracts.Types;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Host.Resilience;

/// <summary>
/// A PostgreSQL that stops answering (every process of it frozen with SIGSTOP, so it answers not even cancel requests):
/// each call ends at its deadline with the retryable <c>Server.Unavailable</c>, the outage is logged once and not per
/// call, a caller that gives up is counted as gone and not as a server failure, load beyond the working places is shed
/// with <c>Server.Busy</c> at once, and when the server goes on, so does the gateway, with every write stored once.
/// </summary>
[TestFixture]
public sealed class HungDatabaseTests
{
    private const int DeadlineSeconds = 2;

    // The deadline, plus the time a loaded test machine may take to answer: far below the waits without a deadline
    // (the pool's 15 s, Npgsql's 30 s command timeout and its cancel request to a frozen server).
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(DeadlineSeconds + 4);

    private GatewayOnOwnServer _own = null!;

    [OneTimeSetUp]
    public async Task StartGatewayOnItsOwnServer() => _own = await GatewayOnOwnServer.StartAsync(durable: false, new Dictionary<string, string?>
    {
        ["Gateway:Calls:DeadlineSeconds"] = DeadlineSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gateway:Calls:MaxConcurrent"] = "2",
        ["Gateway:Calls:MaxQueued"] = "1",
        ["Gateway:Calls:MaxQueueMilliseconds"] = "200",
    });

    [OneTimeTearDown]
    public Task StopAll() => _own.DisposeAsync().AsTask();

    [Test]
    public async Task Calls_WhileTheDatabaseIsFrozen_EndAtTheirDeadlineRetryablyAndTheOutageIsLoggedOnce()
    {
        var client = _own.Gateway.Client();
        var cpr = TestCitizens.Next();
        await client.RegisterInterview(SampleRegistrations.Minimal(cpr)); // certificate and agreement now cached
        var requestId = "hung-" + Guid.NewGuid().ToString("N");
        var before = _own.Gateway.Log.Entries.Count;

        var availability = _own.Gateway.Services.GetRequiredService<Gateway.Host.Hosting.DatabaseAvailability>();
        FaultException<GatewayFault> write, read;
        TimeSpan writeTook, readTook;
        bool lostWhileFrozen;
        await PostgresFaults.FreezeAsync(_own.Server);
        try
        {
            (write, writeTook) = await FaultOf(() => client.RegisterInterview(requestId, SampleRegistrations.Minimal(cpr)));
            (read, readTook) = await FaultOf(() => client.GetContactCourse(cpr));
            lostWhileFrozen = !availability.IsReachable;
        }
        finally
        {
            await PostgresFaults.ThawAsync(_own.Server);
        }

        // The write that timed out may or may not have been stored: its retry settles which, and stores it once.
        var receipt = await client.RegisterInterview(requestId, SampleRegistrations.Minimal(cpr));
        await Eventually.HoldsAsync(() => _own.Gateway.Log.Entries.Any(e => e.EventId.Id == 112), "the end of the outage was not logged");
        var during = _own.Gateway.Log.Entries.Skip(before).ToList();

        Assert.Multiple(() =>
        {
            foreach (var (fault, took) in new[] { (write, writeTook), (read, readTook) })
            {
                Assert.That(fault.Detail.Code, Is.EqualTo("Server.Unavailable"));
                Assert.That(fault.Detail.Retryable, Is.True);
                Assert.That(took, Is.LessThan(AnswerBound), "a frozen database held the call past its deadline");
            }

            Assert.That(receipt.RegistrationId, Is.Not.EqualTo(Guid.Empty));
            // A background duty may find the outage first (then 111 names its reason); either way it is told once and ended once.
            var all = _own.Gateway.Log.Entries.ToList();
            Assert.That(lostWhileFrozen, Is.True, "the gateway did not know the database was lost");
            Assert.That(during.Count(e => e.EventId.Id == 111), Is.AtMost(1), "the outage is told once");
            Assert.That(all.Count(e => e.EventId.Id == 111), Is.EqualTo(all.Count(e => e.EventId.Id == 112)), "every outage told is ended");
            Assert.That(during.Where(e => e.EventId.Id == 1003).Select(e => e.Level).ToList(), Has.Count.EqualTo(2).And.All.EqualTo(LogLevel.Debug));
            Assert.That(during.Where(e => e.Level >= LogLevel.Error), Is.Empty, "an outage is not a server failure");
            Assert.That(string.Join('\n', during.Select(e => e.Message + e.Exception)), Does.Not.Contain(cpr));
        });
        Assert.That(await RegistrationsOf(cpr), Is.EqualTo(2), "the retried write is stored exactly once");
    }

    [Test]
    public async Task Calls_BeyondTheWorkingPlacesAndTheQueue_AreShedAtOnceWithServerBusy()
    {
        var client = _own.Gateway.Client();
        await client.Ping(); // certificate and agreement now cached

        List<HttpResponseMessage> answers;
        await PostgresFaults.FreezeAsync(_own.Server);
        try
        {
            // Two calls take the working places and wait for the frozen database; one waits in the queue for its 200 ms;
            // three find the queue full.
            var held = Enumerable.Range(0, 2).Select(_ => PostAsync(ContactCourseOf(TestCitizens.Next()))).ToList();
            await Eventually.HoldsAsync(() => _own.Gateway.Services.GetRequiredService<Gateway.Host.Pipeline.Limits.CallAdmission>().Active == 2,
                "the first two calls did not take the working places");
            var shed = Enumerable.Range(0, 4).Select(_ => PostAsync(ContactCourseOf(TestCitizens.Next()))).ToList();
            answers = [.. await Task.WhenAll([.. held, .. shed])];
        }
        finally
        {
            await PostgresFaults.ThawAsync(_own.Server);
        }

        var faults = new List<SoapRequests.Fault>();
        foreach (var answer in answers)
        {
            faults.Add(await SoapRequests.ReadFaultAsync(answer));
        }

        Assert.Multiple(() =>
        {
            Assert.That(faults.Take(2).Select(f => f.Code), Has.All.EqualTo("Server.Unavailable"));
            Assert.That(faults.Skip(2).Select(f => f.Code), Has.All.EqualTo("Server.Busy"));
            Assert.That(faults.Select(f => f.Status), Has.All.EqualTo(500));
            Assert.That(faults.Select(f => f.Retryable), Has.All.True);
            Assert.That(answers.Skip(2).Select(a => a.Headers.RetryAfter?.Delta), Has.All.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(answers.Take(2).Select(a => a.Headers.RetryAfter), Has.All.Null);
        });
        Assert.That(await client.Ping(), Is.Not.Null, "once the database goes on, calls are let in again");
    }

    [Test]
    public async Task Call_WhoseCallerGivesUpWhileTheDatabaseIsFrozen_IsCountedAsGoneAndNotAsAServerFailure()
    {
        var client = _own.Gateway.Client();
        await client.Ping();
        var before = _own.Gateway.Log.Entries.Count;

        await PostgresFaults.FreezeAsync(_own.Server);
        try
        {
            using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            Assert.CatchAsync<OperationCanceledException>(() => _own.Gateway.Http.SendAsync(
                SoapRequests.Post(ServicePath, ContactCourseOf(TestCitizens.Next())), impatient.Token));
            await Eventually.HoldsAsync(() => _own.Gateway.Log.Entries.Skip(before).Any(e => e.EventId.Id == 1201), "the call did not end");
        }
        finally
        {
            await PostgresFaults.ThawAsync(_own.Server);
        }

        var during = _own.Gateway.Log.Entries.Skip(before).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(during.Single(e => e.EventId.Id == 1201).Level, Is.EqualTo(LogLevel.Debug));
            Assert.That(during.Where(e => e.Level >= LogLevel.Error), Is.Empty);
            Assert.That(during.Where(e => e.EventId.Id is 1002 or 1003), Is.Empty, "nobody received a fault");
        });
    }

    [Test]
    public async Task Call_WhoseBodyTakesLongerThanTheDeadlineToArrive_IsServedAndNoOutageIsTold()
    {
        await _own.Gateway.Client().Ping();
        var before = _own.Gateway.Log.Entries.Count;
        var request = SoapRequests.Post(ServicePath, "");
        request.Content = new TrickledContent(Encoding.UTF8.GetBytes(ContactCourseOf(TestCitizens.Next())), TimeSpan.FromSeconds(DeadlineSeconds + 1));
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");

        using var answer = await _own.Gateway.Http.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(answer.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "the time the body took was charged to the gateway's deadline");
            Assert.That(_own.Gateway.Log.Entries.Skip(before).Where(e => e.EventId.Id is 111 or 1003), Is.Empty, "a slow caller is not a database outage");
        });
    }

    [Test]
    public async Task Database_FrozenWithNoCallComing_IsNoticedAndReadinessAnswersUnhealthyWithinItsBound()
    {
        var availability = _own.Gateway.Services.GetRequiredService<Gateway.Host.Hosting.DatabaseAvailability>();
        using var management = new HttpClient
        {
            BaseAddress = new Uri(_own.Gateway.Services.GetRequiredService<Gateway.Host.Management.ManagementServer>().Addresses.Single()),
        };
        HttpResponseMessage ready;
        TimeSpan readyTook;
        await PostgresFaults.FreezeAsync(_own.Server);
        try
        {
            // The watch asks a database thought reachable every 5 s, each probe bounded by 2 s.
            await Eventually.HoldsAsync(() => !availability.IsReachable, "a frozen database went unnoticed", TimeSpan.FromSeconds(15));
            var watch = Stopwatch.StartNew();
            ready = await management.GetAsync("/health/ready");
            readyTook = watch.Elapsed;
        }
        finally
        {
            await PostgresFaults.ThawAsync(_own.Server);
        }

        using (ready)
        {
            Assert.Multiple(() =>
            {
                Assert.That(ready.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.ServiceUnavailable));
                // Gateway:Management:CheckTimeoutSeconds (3) twice, with slack for a loaded machine.
                Assert.That(readyTook, Is.LessThan(TimeSpan.FromSeconds(10)), "readiness waited for a frozen database");
            });
        }
    }

    private const string ServicePath = Gateway.Host.Hosting.GatewayOptions.ServicePath;

    private static string ContactCourseOf(string cpr) =>
        SoapRequests.Envelope11($"<GetContactCourse xmlns=\"{ContractNamespace.V1}\"><Cpr>{cpr}</Cpr></GetContactCourse>");

    // A body sent in small pieces spread over a given time: a slow, honest caller.
    private sealed class TrickledContent(byte[] body, TimeSpan over) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            const int Pieces = 10;
            var size = (body.Length + Pieces - 1) / Pieces;
            for (var i = 0; i < body.Length; i += size)
            {
                await stream.WriteAsync(body.AsMemory(i, Math.Min(size, body.Length - i)));
                await stream.FlushAsync();
                await Task.Delay(over / Pieces);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string envelope) =>
        await _own.Gateway.Http.SendAsync(SoapRequests.Post(ServicePath, envelope));

    private static async Task<(FaultException<GatewayFault> Fault, TimeSpan Took)> FaultOf(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await call();
        }
        catch (FaultException<GatewayFault> fault)
        {
            return (fault, watch.Elapsed);
        }

        throw new AssertionException("The call succeeded while the database was frozen.");
    }

    private async Task<long> RegistrationsOf(string cpr)
    {
        await using var command = _own.Gateway.DataSource.CreateCommand("select count(*) from registration where cpr = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = cpr });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
