using Gateway.Data.Database;
using Gateway.IntegrationTests.Support;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

[TestFixture]
public sealed class SchemaMigratorTests
{
    [Test]
    public async Task ApplyAsync_EmptyDatabase_AppliesEveryScriptOnceInOrder()
    {
        await using var dataSource = GatewayDataSource.Create(await TestDatabase.CreateEmptyDatabaseAsync());

        var first = await SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None);
        var second = await SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(SchemaMigrator.Scripts));
            Assert.That(first, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(second, Is.Empty);
        });
    }

    [Test]
    public async Task ApplyAsync_TwoInstancesAtOnce_BothSucceedAndEachScriptRunsOnce()
    {
        await using var dataSource = GatewayDataSource.Create(await TestDatabase.CreateEmptyDatabaseAsync());

        var results = await Task.WhenAll(
            Task.Run(() => SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None)),
            Task.Run(() => SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None)));

        Assert.That(results.SelectMany(r => r), Is.EqualTo(SchemaMigrator.Scripts));
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var count = new NpgsqlCommand("select count(*) from schema_migration", connection);
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(SchemaMigrator.Scripts.Count));
    }
}
