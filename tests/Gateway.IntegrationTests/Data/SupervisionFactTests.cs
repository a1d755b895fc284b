using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.Data.Registrations;
using Gateway.Data.Supervision;
using Gateway.Domain.Registrations;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Npgsql;
using Interview = Gateway.Domain.Registrations.Interview;

namespace Gateway.IntegrationTests.Data;

/// <summary>
/// The supervision facts (migration 0012), made from what the writes note: after registrations, corrections that move an
/// interview, cancellations and concurrent writes for one citizen, with the facts made meanwhile, they are what making
/// every fact again from the history gives, each citizen's registrations linked in interview order; the background makes
/// them without any read asking; and the facts judge each item's presence as the domain does.
/// </summary>
[TestFixture]
public sealed class SupervisionFactTests
{
    private static readonly DateTime Today = SampleRegistrations.Today;
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task Facts_CorrectionMovingAnInterviewCancellationAndSameDayInterviews_AreLinkedInInterviewOrder()
    {
        var client = _gateway.Client();
        var cpr = TestCitizens.Next();
        var sixty = await client.RegisterInterview(Registration(cpr, Today.AddDays(-60)));
        var thirtyFirst = await client.RegisterInterview(Registration(cpr, Today.AddDays(-30)));
        var thirtySecond = await client.RegisterInterview(Registration(cpr, Today.AddDays(-30)));
        var ten = await client.RegisterInterview(Registration(cpr, Today.AddDays(-10)));
        // The latest interview turns out to have been held before all the others; the first of the same-day two was a mistake.
        await client.CorrectInterview("move-" + cpr, ten.RegistrationId, 1, "Forkert dato.", Registration(cpr, Today.AddDays(-90)));
        await client.CancelInterview("cancel-" + cpr, thirtyFirst.RegistrationId, 1, "Dobbeltregistreret.");
        // The other actor registers for the same municipality: the same chain.
        var actor = await _gateway.Client(As.OtherActor).RegisterInterview(Registration(cpr, Today.AddDays(-20)));

        var facts = await FactsOfAsync(cpr);

        Assert.That(facts.Select(f => (f.RegistrationId, f.PrevHeld, f.HeldOn, f.NextHeld)), Is.EqualTo(new[]
        {
            (ten.RegistrationId, DateOnly.MinValue, Day(-90), Day(-60)),
            (sixty.RegistrationId, Day(-90), Day(-60), Day(-30)),
            (thirtySecond.RegistrationId, Day(-60), Day(-30), Day(-20)),
            (actor.RegistrationId, Day(-30), Day(-20), DateOnly.MaxValue),
        }));
        Assert.That(facts.Single(f => f.RegistrationId == ten.RegistrationId).Version, Is.EqualTo(2));
    }

    [Test]
    public async Task Facts_EightRegistrationsOfOneCitizenAtOnceWhileFactsAreMade_AreLinkedAsIfWrittenOneAtATime()
    {
        var cpr = TestCitizens.Next();
        var days = new[] { 5, 40, 12, 33, 19, 26, 47, 1 };
        var facts = new SupervisionFacts(_gateway.Store);
        using var writing = new CancellationTokenSource();
        // Facts made over and over while the writes go on, beside the gateway's own background duty.
        var making = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await facts.CatchUpAsync(CancellationToken.None);
            }
        });
        await Task.WhenAll(days.Select(d => _gateway.Client().RegisterInterview(Registration(cpr, Today.AddDays(-d)))));
        await writing.CancelAsync();
        await making;

        var kept = await FactsOfAsync(cpr);

        List<DateOnly> expected = [.. days.Select(d => Day(-d)).Order()];
        Assert.Multiple(() =>
        {
            Assert.That(kept.Select(f => f.HeldOn).ToList(), Is.EqualTo(expected));
            Assert.That(kept.Select(f => f.NextHeld).ToList(), Is.EqualTo(expected.Skip(1).Append(DateOnly.MaxValue).ToList()), "each linked to the next interview");
            Assert.That(kept.Select(f => f.PrevHeld).ToList(), Is.EqualTo(expected.SkipLast(1).Prepend(DateOnly.MinValue).ToList()), "and to the one before");
        });
    }

    [Test]
    public async Task Facts_AWriteInFlightWhileAPassTakesItsAlreadyNotedRegistration_AreMadeFromThatWrite()
    {
        // Found by an attack on the running gateway: a correction noted while the registration was noted already, and a
        // pass making the facts in between, left the facts at the version before, with nothing noted to mend them.
        var client = _gateway.Client();
        var cpr = TestCitizens.Next();
        var registered = await client.RegisterInterview(Registration(cpr, Today.AddDays(-30)));
        var facts = new SupervisionFacts(_gateway.Store);
        await facts.CatchUpAsync(CancellationToken.None);

        // Passes held back, so that the next correction stays noted.
        await using var holder = await _gateway.DataSource.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("select pg_advisory_xact_lock(1397773650, 0)", transaction: hold);
        await client.CorrectInterview("in-flight-" + cpr, registered.RegistrationId, 1, "Rettet.", Registration(cpr, Today.AddDays(-20)));

        // A third version in flight, written and noted as the gateway's write statement notes it, not committed yet.
        await using var writer = await _gateway.DataSource.OpenConnectionAsync();
        await using var write = await writer.BeginTransactionAsync();
        await writer.ExecuteAsync($"""
            insert into registration_version (registration_id, version, case_type, held_on, match_category, next_contact_on, late, case_worker_id,
                received_at, items, agreement_id, call_id, change, reason, request_id, responsible_kind, responsible_code, other_actor_cvr, channel)
            select registration_id, 3, case_type, @heldOn, match_category, next_contact_on, late, case_worker_id,
                   now(), items, agreement_id, call_id, 'Corrected', 'I flugt.', null, responsible_kind, responsible_code, other_actor_cvr, channel
            from registration_version where registration_id = @id and version = 2;
            insert into supervision_pending (registration_id) values (@id) {RegistrationStore.NotedAgain};
            """, new { id = registered.RegistrationId, heldOn = Day(-10) }, write);

        // A pass starts once the hold ends; the write commits only when that pass has either finished or waits for it.
        var pass = facts.CatchUpAsync(CancellationToken.None);
        await hold.CommitAsync();
        await using var watcher = await _gateway.DataSource.OpenConnectionAsync();
        await Eventually.HoldsAsync(async () => pass.IsCompleted || await watcher.ExecuteScalarAsync<bool>("""
            select exists (select 1 from pg_stat_activity
                           where datname = current_database() and wait_event_type = 'Lock' and query like '%supervision_fact_apply%')
            """), "the pass finished or waiting for the write");
        await write.CommitAsync();
        await pass;
        await facts.CatchUpAsync(CancellationToken.None);

        var fact = (await FactsOfAsync(cpr)).Single();
        Assert.That((fact.Version, fact.HeldOn), Is.EqualTo((3, Day(-10))), "the facts of the version written last");
    }

    [Test]
    public async Task Facts_AfterAWriteWithNoReadAsking_AreMadeInTheBackground()
    {
        var cpr = TestCitizens.Next();
        await _gateway.Client().RegisterInterview(Registration(cpr, Today));

        await Eventually.HoldsAsync(async () => await CountFactsAsync(cpr) == 1, "the fact made by the gateway's background duty");
    }

    [Test]
    public async Task Facts_AfterEveryKindOfWrite_AreWhatMakingThemAgainFromTheHistoryGives()
    {
        var client = _gateway.Client();
        foreach (var i in Enumerable.Range(0, 4))
        {
            var cpr = TestCitizens.Next();
            var first = await client.RegisterInterview(Registration(cpr, Today.AddDays(-40 - i)));
            var second = await client.RegisterInterview(SampleRegistrations.Complete(cpr));
            await client.CorrectInterview($"again-{cpr}", first.RegistrationId, 1, "Rettet.", Registration(cpr, Today.AddDays(-i)));
            if (i % 2 == 0)
            {
                await client.CancelInterview($"gone-{cpr}", second.RegistrationId, 1, "Fejl.");
            }
        }

        await _gateway.Client(As.EmploymentServiceUnit).RegisterInterview(SampleRegistrations.Complete(TestCitizens.Next(), CaseType.Dagpenge));

        await new SupervisionFacts(_gateway.Store).CatchUpAsync(CancellationToken.None);
        await using var connection = await _gateway.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        const string all = "select row_to_json(f)::text from supervision_fact f order by registration_id";
        var kept = (await connection.QueryAsync<string>(all, transaction: transaction)).ToList();
        var made = await connection.ExecuteScalarAsync<long>("select supervision_fact_rebuild()", transaction: transaction);
        var again = (await connection.QueryAsync<string>(all, transaction: transaction)).ToList();
        await transaction.RollbackAsync();

        Assert.Multiple(() =>
        {
            Assert.That(made, Is.EqualTo(kept.Count));
            Assert.That(again, Is.EqualTo(kept));
        });
    }

    [Test]
    public async Task Presence_EachItemThatMayBeMissing_IsJudgedAsTheDomainJudgesIt()
    {
        var registered = await _gateway.Client().RegisterInterview(SampleRegistrations.Complete(TestCitizens.Next()));
        var complete = (await new RegistrationStore(_gateway.Store).HistoryAsync(registered.RegistrationId, CancellationToken.None)).Single().Interview;
        var variants = new Dictionary<string, Interview>
        {
            ["complete"] = complete,
            ["no employment goals"] = complete with { EmploymentGoals = [] },
            ["no rough match"] = complete with { RoughMatch = null },
            ["no course agreements, a reason"] = complete with { FurtherCourse = new FurtherCourseItem([], "Ingen aftale endnu.") },
            ["no course agreements, a blank reason"] = complete with { FurtherCourse = new FurtherCourseItem([], "  ") },
            ["no course agreements, no reason"] = complete with { FurtherCourse = new FurtherCourseItem([], null) },
            ["offers not given"] = complete with { Offers = null },
            ["offers empty"] = complete with { Offers = [] },
            ["next contact: an end reason only"] = complete with { NextContact = new NextContactItem(null, CourseEndReason.Selvforsoergelse) },
            ["next contact: nothing"] = complete with { NextContact = new NextContactItem(null, null) },
            ["no job search behaviour"] = complete with { JobSearchBehaviour = null },
            ["comments empty"] = complete with { CitizenComments = "" },
            ["comments not given"] = complete with { CitizenComments = null },
        };

        await using var connection = await _gateway.DataSource.OpenConnectionAsync();
        foreach (var (name, interview) in variants)
        {
            var fromSql = await PresenceInSqlAsync(connection, interview);
            var fromDomain = SupervisionQueries.PresenceColumns.ToDictionary(c => c.Value, c => ItemRequirements.IsPresent(c.Key, interview));
            Assert.That(fromSql, Is.EqualTo(fromDomain), name);
        }
    }

    // The presence columns supervision_fact_of gives a version with these items, without writing it.
    private static async Task<Dictionary<string, bool>> PresenceInSqlAsync(NpgsqlConnection connection, Interview interview)
    {
        var columns = SupervisionQueries.PresenceColumns.Values.ToList();
        var row = (IDictionary<string, object>)await connection.QuerySingleAsync($"""
            select {string.Join(", ", columns.Select(c => "f." + c))}
            from (select null::uuid as registration_id, 1 as version, 'Kontanthjaelp' as case_type, current_date as held_on, 1::smallint as match_category,
                         null::date as next_contact_on, false as late, 'cw' as case_worker_id, now() as received_at, @items::jsonb as items,
                         null::uuid as agreement_id, null as call_id, 'Registered' as change, null as reason, null as request_id, '1'::xid8 as xid,
                         'Municipality' as responsible_kind, '101' as responsible_code, null as other_actor_cvr, 'WebServices' as channel) v,
                 lateral supervision_fact_of(row(v.*)::registration_version, '0101011234', false, false) f
            """, new { items = InterviewJson.Write(interview) });
        return columns.ToDictionary(c => c, c => (bool)row[c]);
    }

    private async Task<long> CountFactsAsync(string cpr)
    {
        await using var connection = await _gateway.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from supervision_fact where cpr = @cpr", new { cpr });
    }

    // The citizen's facts once everything written is in them.
    private async Task<List<Fact>> FactsOfAsync(string cpr)
    {
        await new SupervisionFacts(_gateway.Store).CatchUpAsync(CancellationToken.None);
        await using var connection = await _gateway.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(Guid RegistrationId, int Version, DateTime? PrevHeld, DateTime HeldOn, DateTime? NextHeld)>("""
            select registration_id, version, case when prev_held = '-infinity' then null else prev_held::timestamp end,
                   held_on, case when next_held = 'infinity' then null else next_held::timestamp end
            from supervision_fact where cpr = @cpr order by held_on, received_at, registration_id
            """, new { cpr });
        return [.. rows.Select(r => new Fact(r.RegistrationId, r.Version, r.PrevHeld is { } prev ? DateOnly.FromDateTime(prev) : DateOnly.MinValue,
            DateOnly.FromDateTime(r.HeldOn), r.NextHeld is { } next ? DateOnly.FromDateTime(next) : DateOnly.MaxValue))];
    }

    private static DateOnly Day(int offset) => DateOnly.FromDateTime(Today.AddDays(offset));

    private static InterviewRegistration Registration(string cpr, DateTime heldOn)
    {
        var registration = SampleRegistrations.Minimal(cpr);
        registration.Interview.HeldOn = heldOn;
        registration.NextContact = new NextContact { PlannedOn = heldOn.AddDays(21), PlannedOnSpecified = true };
        return registration;
    }

    // Fact of a registration: the day before the first is DateOnly.MinValue, the day after the last DateOnly.MaxValue.
    private sealed record Fact(Guid RegistrationId, int Version, DateOnly PrevHeld, DateOnly HeldOn, DateOnly NextHeld);
}
