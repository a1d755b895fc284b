using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Agreements;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using Gateway.TestSupport;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

/// <summary>
/// An amendment in the store: the agreement row and one history row change together; an amendment or approval decided
/// on an agreement that someone changed meanwhile changes nothing, so no update is lost and no approval admits terms
/// the gate never judged; the amendment's history row is as append-only as the rest.
/// </summary>
[TestFixture]
public sealed class AgreementAmendmentStoreTests
{
    private static readonly AuthorityId Municipality = new(AuthorityKind.Municipality, "101");
    private GatewayDataSource _dataSource = null!;
    private AgreementStore _store = null!;
    private Guid _system;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _dataSource = GatewayDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());
        await SchemaMigrator.ApplyAsync(_dataSource, CancellationToken.None);
        await new AuthorityStore(_dataSource).AddAuthorityAsync(Municipality, "Copenhagen", "tests", CancellationToken.None);
        _system = await new ItSystemStore(_dataSource).AddItSystemAsync("Amended system", "12345674", "tests", CancellationToken.None);
        _store = new AgreementStore(_dataSource);
    }

    [OneTimeTearDown]
    public async Task DropDataSource() => await _dataSource.DisposeAsync();

    [Test]
    public async Task AmendAsync_OneField_ChangesTheRowAndAppendsOneHistoryRowWithBeforeAndAfter()
    {
        var agreement = await RequestAsync(activate: true);

        var result = await _store.AmendAsync(ReadScopeToAll(agreement), "alice", "Receives movers", CancellationToken.None);

        var history = await _store.HistoryAsync(agreement.Id, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result!.Agreement!.ReadScope, Is.EqualTo(ReadScope.AllCitizens));
            Assert.That(result.Changes, Is.EqualTo(new[] { new AgreementChange(AgreementField.ReadScope, "OwnCitizens", "AllCitizens") }));
            Assert.That(history, Has.Count.EqualTo(3));
            Assert.That(history[^1] with { ChangedAt = default }, Is.EqualTo(
                new AgreementHistoryEntry(AgreementStatus.Active, AgreementStatus.Active, "alice", default, "Receives movers") { Changes = history[^1].Changes }));
            Assert.That(history[^1].Changes, Is.EqualTo(result.Changes));
            Assert.That(history[1].Changes, Is.Empty);
        });
    }

    [Test]
    public async Task AmendAsync_TwoAmendmentsDecidedOnTheSameAgreement_OnlyTheFirstIsMade()
    {
        var agreement = await RequestAsync(activate: true);
        var first = new AgreementAmendment { Operations = new HashSet<string>(["Ping", "GetContactCourse"], StringComparer.Ordinal) }.Revise(agreement);
        var second = new AgreementAmendment { Contact = new("support@kk.example") }.Revise(agreement);

        var made = await _store.AmendAsync(first, "alice", "More operations", CancellationToken.None);
        var refused = await _store.AmendAsync(second, "bob", "New contact", CancellationToken.None);

        var now = await _store.GetAgreementAsync(agreement.Id, CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(made!.Agreement, Is.Not.Null);
            Assert.That(refused!.Agreement, Is.Null);
            Assert.That(refused.Changes, Is.Empty);
            Assert.That(now!.Operations, Is.EquivalentTo(new[] { "GetContactCourse", "Ping" }));
            Assert.That(now.Contact, Is.EqualTo("it@kk.example"));
            Assert.That(await _store.HistoryAsync(agreement.Id, CancellationToken.None), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task AmendAsync_DecidedBeforeAStatusChange_ChangesNothing()
    {
        var requested = await RequestAsync(activate: false);
        var decided = ReadScopeToAll(requested);
        await _store.TransitionAsync(requested.Id, AgreementAction.Approve, "alice", "Approved", CancellationToken.None);

        var result = await _store.AmendAsync(decided, "bob", "Receives movers", CancellationToken.None);

        Assert.That(result!.Agreement, Is.Null);
        Assert.That((await _store.GetAgreementAsync(requested.Id, CancellationToken.None))!.ReadScope, Is.EqualTo(ReadScope.OwnCitizens));
    }

    [Test]
    public async Task AmendAsync_ManyDecidedOnTheSameAgreementAtOnce_OnlyOneIsMade()
    {
        var agreement = await RequestAsync(activate: true);

        // Each decides on the agreement as first read, as operators who started together would; the row lock lets one
        // through, and the rest find the agreement changed.
        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => _store.AmendAsync(
            new AgreementAmendment { ContractReference = new($"TA-{i}") }.Revise(agreement), $"operator-{i}", "Renumbered", CancellationToken.None))));

        var amendments = (await _store.HistoryAsync(agreement.Id, CancellationToken.None)).Where(h => h.Changes.Count > 0).ToList();
        var made = results.Where(r => r!.Agreement is not null).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(made, Has.Count.EqualTo(1));
            Assert.That(amendments, Has.Count.EqualTo(1));
            Assert.That(amendments[0].Changes.Single().Before, Is.EqualTo("TA-2026-17"));
            Assert.That((await _store.GetAgreementAsync(agreement.Id, CancellationToken.None))!.ContractReference, Is.EqualTo(amendments[0].Changes.Single().After));
        });
    }

    [Test]
    public async Task TransitionAsync_JudgedTermsAmendedSince_ApprovesNothing()
    {
        var requested = await RequestAsync(activate: false);
        await _store.AmendAsync(ReadScopeToAll(requested), "alice", "Receives movers", CancellationToken.None);

        var result = await _store.TransitionAsync(requested.Id, AgreementAction.Approve, "bob", "Gate passed", CancellationToken.None, judged: requested);

        Assert.Multiple(async () =>
        {
            Assert.That(result!.Agreement, Is.Null);
            Assert.That(result.AmendedMeanwhile, Is.True);
            Assert.That((await _store.GetAgreementAsync(requested.Id, CancellationToken.None))!.Status, Is.EqualTo(AgreementStatus.Requested));
        });
    }

    [Test]
    public async Task TransitionAsync_JudgedTermsUnchanged_Approves()
    {
        var requested = await RequestAsync(activate: false);

        var result = await _store.TransitionAsync(requested.Id, AgreementAction.Approve, "bob", "Gate passed", CancellationToken.None, judged: requested);

        Assert.That(result!.Agreement!.Status, Is.EqualTo(AgreementStatus.Active));
    }

    [TestCase("update agreement_history set changes = '[]'::jsonb where changes is not null")]
    [TestCase("delete from agreement_history where changes is not null")]
    public async Task AmendmentHistory_ChangedInSql_IsRefusedByTheDatabase(string sql)
    {
        var agreement = await RequestAsync(activate: true);
        await _store.AmendAsync(ReadScopeToAll(agreement), "alice", "Receives movers", CancellationToken.None);
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);

        var error = Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql))!;

        Assert.That(error.SqlState, Is.EqualTo(PostgresErrorCodes.RestrictViolation));
    }

    [TestCase("'[]'", "Active", "Active")]
    [TestCase("'{}'", "Active", "Active")]
    [TestCase("'[{\"field\": \"Contact\", \"before\": null, \"after\": \"x\"}]'", "Requested", "Active")]
    [TestCase("'[{\"field\": \"Contact\", \"before\": null, \"after\": \"x\"}]'", null, "Requested")]
    public async Task AmendmentHistory_ChangesOfAnotherShape_IsRefusedByTheDatabase(string changes, string? from, string to)
    {
        var agreement = await RequestAsync(activate: false);
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);

        var error = Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            $"insert into agreement_history (agreement_id, from_status, to_status, changed_by, reason, changes) values (@id, @from, @to, 'tests', 'x', {changes}::jsonb)",
            new { id = agreement.Id, from, to }))!;

        Assert.That(error.SqlState, Is.EqualTo(PostgresErrorCodes.CheckViolation));
    }

    private static AgreementRevision ReadScopeToAll(Agreement agreement) => new AgreementAmendment { ReadScope = ReadScope.AllCitizens }.Revise(agreement);

    private Task<Agreement> RequestAsync(bool activate) => _store.RequestAgreementAsync(new AgreementRequest
    {
        Authority = Municipality,
        ItSystemId = _system,
        Operations = new HashSet<string>(["Ping"], StringComparer.Ordinal),
        Environment = GatewayEnvironment.Production,
        ValidFrom = new DateOnly(2026, 1, 1),
        Contact = "it@kk.example",
        ContractReference = "TA-2026-17",
    }, "tests", "Contract signed", CancellationToken.None, activate: activate);
}
