using Gateway.Contracts.CodeLists;
using Gateway.Data.Agreements;
using Gateway.Data.Database;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;

namespace Gateway.IntegrationTests.Data;

/// <summary>The one classification of database failures, seen from a store against a real PostgreSQL.</summary>
[TestFixture]
public sealed class StoreFailuresTests
{
    [Test]
    public async Task Store_OnADatabaseWithoutTheSchema_ThrowsSchemaMissing()
    {
        await using var dataSource = GatewayDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());
        Assert.ThrowsAsync<SchemaMissingException>(() => new AgreementStore(dataSource).ListAgreementsAsync(null, CancellationToken.None));
    }

    [Test]
    public async Task Store_WhenTheDatabaseCannotBeReached_ThrowsTheRetryableUnavailableFault()
    {
        await using var dataSource = GatewayDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2");
        var ex = Assert.ThrowsAsync<GatewayException>(() => new AuthorityStore(dataSource).ListAuthoritiesAsync(CancellationToken.None))!;
        Assert.Multiple(() =>
        {
            Assert.That(ex.Refusal.Code, Is.EqualTo(FaultCodes.StoreUnavailable));
            Assert.That(StoreFailures.Reason(ex), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Store_WhenAChangeConflictsWithWhatIsStored_ThrowsStoreConflict()
    {
        await using var dataSource = GatewayDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        // A certificate for an IT system that does not exist: the foreign key refuses it.
        Assert.ThrowsAsync<StoreConflictException>(() => new CertificateStore(dataSource).AddCertificateAsync(
            Guid.NewGuid(), TestGateway.ClientCertificate, "tests", CancellationToken.None));
        Assert.That(await new AuthorityStore(dataSource).AddAuthorityAsync(new AuthorityId(AuthorityKind.Municipality, "101"), "x", "tests", CancellationToken.None), Is.True);
    }

    [TestCase("Host=db.example;Database=gateway;Username=u;Password=p", GatewayDataSource.DefaultMaxPoolSize)]
    [TestCase("Host=db.example;Database=gateway;Username=u;Password=p;Maximum Pool Size=40", 40)]
    [TestCase("Host=db.example;Database=gateway;Username=u;Password=p;MaxPoolSize=7", 7)]
    public async Task Create_PoolSize_IsTheConnectionStringsOrTheDefault(string connectionString, int expected)
    {
        await using var dataSource = GatewayDataSource.Create(connectionString);
        Assert.Multiple(() =>
        {
            Assert.That(dataSource.ConnectionString, Does.Contain($"Maximum Pool Size={expected}"));
            Assert.That(dataSource.Description, Is.EqualTo("db.example:5432/gateway"));
        });
    }
}
