using System.Collections.Concurrent;
using System.ServiceModel;
using Gateway.Contracts;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.IntegrationTests.Support;
using Npgsql;

namespace Gateway.IntegrationTests.Host.Soap;

/// <summary>
/// ListRegistrations (domain.md § 5, datagenopretning): a reader that follows the cursor sees every stored write
/// exactly once, also when transactions commit in another order than they started.
/// </summary>
[TestFixture]
[NonParallelizable] // Reads the feed, whose horizon is the oldest transaction open anywhere in the cluster: runs alone.
public sealed class ReconciliationTests
{
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task Follow_WriteCommittedOutOfOrder_IsNotSkipped()
    {
        var client = _gateway.Client();
        await client.RegisterInterview(SampleRegistrations.Minimal(TestCitizens.Next())); // items for the row written by hand
        var cursor = await DrainAsync(client, null, _ => { });

        // Transaction A writes a version and stays open; B starts later, writes and commits first. A reader ordering by
        // anything assigned at write time (a sequence, a timestamp) would pass B and never come back for A.
        await using var connection = await _gateway.DataSource.OpenConnectionAsync();
        await using var slow = await connection.BeginTransactionAsync();
        var slowId = await InsertRegistrationAsync(connection, TestCitizens.Next());
        var fast = await client.RegisterInterview(SampleRegistrations.Minimal(TestCitizens.Next()));

        var whileOpen = new List<RegistrationChange>();
        cursor = await DrainAsync(client, cursor, whileOpen.AddRange);
        await slow.CommitAsync();
        var afterCommit = new List<RegistrationChange>();
        await DrainAsync(client, cursor, afterCommit.AddRange);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileOpen, Is.Empty, "nothing settles past a transaction still running");
            Assert.That(afterCommit.Select(e => e.RegistrationId), Is.EquivalentTo(new[] { slowId, fast.RegistrationId }));
        }
    }

    [Test]
    public async Task Follow_ParallelWritersAndCorrections_EveryWriteExactlyOnce()
    {
        const int writers = 4, registrationsPerWriter = 15;
        var start = await DrainAsync(_gateway.Client(), null, _ => { });
        var written = new ConcurrentBag<(Guid, int)>();
        var seen = new List<RegistrationChange>();
        using var writing = new CancellationTokenSource();

        var writerTasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var client = _gateway.Client(w % 2 == 0 ? As.Municipality : As.OtherActor);
            for (var i = 0; i < registrationsPerWriter; i++)
            {
                var cpr = TestCitizens.Next();
                var receipt = await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
                written.Add((receipt.RegistrationId, receipt.Version));
                if (i % 3 == 0)
                {
                    var corrected = await client.CorrectInterview("feed-" + Guid.NewGuid().ToString("N"), receipt.RegistrationId, 1, "Rettelse.", SampleRegistrations.Minimal(cpr));
                    written.Add((corrected.RegistrationId, corrected.Version));
                }
            }
        })).ToList();

        // The follower pages with a small page size while the writers run, then drains what is left.
        var follower = _gateway.Client();
        var cursor = start;
        var allWritten = Task.WhenAll(writerTasks);
        while (!allWritten.IsCompleted)
        {
            var page = await follower.ListRegistrations(cursor, 7);
            seen.AddRange(page.Entries);
            cursor = page.NextCursor;
        }

        await allWritten;
        await DrainAsync(follower, cursor, seen.AddRange);

        var seenKeys = seen.Select(e => (e.RegistrationId, e.Version)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(seenKeys, Is.Unique, "no write is listed twice");
            Assert.That(seenKeys, Is.EquivalentTo(written), "every write is listed");
            Assert.That(written, Has.Count.EqualTo(writers * registrationsPerWriter + writers * 5));
        }
    }

    [Test]
    public async Task List_OtherActorSeesItsOwnWritesForThePrincipal_TheMunicipalitySeesAll()
    {
        var municipalityStart = await DrainAsync(_gateway.Client(As.Municipality), null, _ => { });
        var actorStart = await DrainAsync(_gateway.Client(As.OtherActor), null, _ => { });
        var requestId = "feed-" + Guid.NewGuid().ToString("N");
        var byMunicipality = await _gateway.Client(As.Municipality).RegisterInterview(SampleRegistrations.Minimal(TestCitizens.Next()));
        var byActor = await _gateway.Client(As.OtherActor).RegisterInterview(requestId, SampleRegistrations.Minimal(TestCitizens.Next()));
        await _gateway.Client(As.EmploymentServiceUnit).RegisterInterview(SampleRegistrations.Complete(TestCitizens.Next(), CaseType.Dagpenge));

        var municipalitySees = new List<RegistrationChange>();
        var actorSees = new List<RegistrationChange>();
        await DrainAsync(_gateway.Client(As.Municipality), municipalityStart, municipalitySees.AddRange);
        await DrainAsync(_gateway.Client(As.OtherActor), actorStart, actorSees.AddRange);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(municipalitySees.Select(e => e.RegistrationId), Is.EquivalentTo(new[] { byMunicipality.RegistrationId, byActor.RegistrationId }));
            Assert.That(actorSees.Select(e => e.RegistrationId), Is.EqualTo(new[] { byActor.RegistrationId }));
            var entry = actorSees.Single();
            Assert.That((entry.Version, entry.Change, entry.RequestId, entry.OtherActor?.Code, entry.CaseWorkerId),
                Is.EqualTo((1, ChangeKind.Registered, requestId, Callers.OtherActorCvr, "aa-7")));
        }
    }

    [Test]
    public async Task List_ThreeRegistrationsInPagesOfTwo_HonoursPageSizeAndMore()
    {
        var client = _gateway.Client();
        var cursor = await DrainAsync(client, null, _ => { });
        for (var i = 0; i < 3; i++)
        {
            await client.RegisterInterview(SampleRegistrations.Minimal(TestCitizens.Next()));
        }

        var first = await client.ListRegistrations(cursor, 2);
        var second = await client.ListRegistrations(first.NextCursor, 2);
        var empty = await client.ListRegistrations(second.NextCursor, 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((first.Entries.Count, first.More), Is.EqualTo((2, true)));
            Assert.That((second.Entries.Count, second.More), Is.EqualTo((1, false)));
            Assert.That((empty.Entries.Count, empty.More, empty.NextCursor), Is.EqualTo((0, false, second.NextCursor)), "an empty page hands the cursor back");
        }
    }

    [TestCase("1-00000000000000000000000000000000")]
    [TestCase("x-0f5a4db0c5e04a118d00000000000001-1")]
    [TestCase("1-0f5a4db0-c5e0-4a11-8d00-000000000001-1")]
    public void List_MalformedCursor_IsRuleViolationOnCursor(string cursor)
    {
        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _gateway.Client().ListRegistrations(cursor, null))!;

        Assert.That((fault.Detail.Code, string.Join(",", fault.Detail.FieldErrors!.Select(f => f.Field + ":" + f.Code))), Is.EqualTo(("Client.Validation.RuleViolation", "Cursor:Cursor.Invalid")));
    }

    [Test]
    public void List_CursorBeyondTheDatabasesTransactions_IsRuleViolationCursorAhead()
    {
        // As a cursor from before a restore to an earlier point looks: its transaction id has not been reached yet.
        var ahead = $"{(5UL << 32) + 7}-0f5a4db0c5e04a118d00000000000001-1";

        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _gateway.Client().ListRegistrations(ahead, null))!;

        Assert.That((fault.Detail.Code, string.Join(",", fault.Detail.FieldErrors!.Select(f => f.Field + ":" + f.Code))),
            Is.EqualTo(("Client.Validation.RuleViolation", "Cursor:Cursor.Ahead")));
    }

    // Pages until the feed has nothing more, handing each page's entries to `seen`; returns the cursor to go on from.
    private static async Task<string?> DrainAsync(IContactCourseService client, string? cursor, Action<List<RegistrationChange>> seen)
    {
        while (true)
        {
            var page = await client.ListRegistrations(cursor, 50);
            seen(page.Entries);
            cursor = page.NextCursor;
            if (!page.More)
            {
                return cursor;
            }
        }
    }

    // A registration written straight into the tables, inside the caller's open transaction, for municipality 999.
    private static async Task<Guid> InsertRegistrationAsync(NpgsqlConnection connection, string cpr)
    {
        var id = Guid.CreateVersion7();
        await using var command = new NpgsqlCommand("""
            insert into registration (id, cpr, responsible_kind, responsible_code, registered_at) values (@id, @cpr, 'Municipality', '999', now());
            insert into registration_version (registration_id, version, case_type, held_on, match_category, late, case_worker_id, received_at, items, responsible_kind, responsible_code, channel)
            select @id, 1, 'Kontanthjaelp', current_date, 3, false, 'cw-sql', now(), items, 'Municipality', '999', 'WebServices'
            from registration_version order by received_at desc limit 1;
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("cpr", cpr);
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
