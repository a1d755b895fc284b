using Gateway.IntegrationTests.Support;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

/// <summary>A registration is never overwritten: the database itself refuses UPDATE and DELETE of its history.</summary>
[TestFixture]
public sealed class RegistrationHistoryTests
{
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway()
    {
        _gateway = await TestGateway.StartAsync();
        await _gateway.Client().RegisterInterview(SampleRegistrations.Minimal(TestCitizens.Next()));
    }

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [TestCase("update registration_version set match_category = 1")]
    [TestCase("update registration_version set items = '{}'::jsonb")]
    [TestCase("delete from registration_version")]
    [TestCase("update registration set cpr = '0202020202'")]
    [TestCase("delete from registration")]
    [TestCase("truncate registration_version")]
    [TestCase("truncate registration cascade")]
    [TestCase("truncate agreement_history")]
    [TestCase("truncate write_request")]
    public async Task ChangingHistory_InSql_IsRefusedByTheDatabase(string sql)
    {
        await using var command = _gateway.DataSource.CreateCommand(sql);
        var error = Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync())!;
        Assert.Multiple(async () =>
        {
            Assert.That(error.SqlState, Is.EqualTo(PostgresErrorCodes.RestrictViolation));
            Assert.That(await _gateway.CountAsync("registration_version"), Is.EqualTo(1));
        });
    }
}
