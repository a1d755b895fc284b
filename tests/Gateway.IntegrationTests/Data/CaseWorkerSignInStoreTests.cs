using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Agreements;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using Gateway.TestSupport;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

/// <summary>
/// The registration tool's sign-in decided on what PostgreSQL holds: a case worker added by the store and the
/// authority's tool agreement; a suspension of the agreement or a revocation of the certificate refuses the very next
/// request; and the database itself keeps the tool and web-services agreements apart.
/// </summary>
[TestFixture]
public sealed class CaseWorkerSignInStoreTests
{
    private static readonly AuthorityId Municipality = new(AuthorityKind.Municipality, "101");

    private GatewayDataSource _dataSource = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _dataSource = GatewayDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        await new AuthorityStore(_dataSource).AddAuthorityAsync(Municipality, "Testkommune", "tests", CancellationToken.None);
    }

    [TearDown]
    public async Task CloseDatabase() => await _dataSource.DisposeAsync();

    [Test]
    public async Task SignIn_AfterSuspensionOrRevocation_IsRefusedOnTheNextRequest()
    {
        using var certificate = PersonalCertificate("Hanne Hansen");
        var thumbprint = CertificateThumbprint.Of(certificate);
        var caseWorkers = new CaseWorkerStore(_dataSource);
        var agreements = new AgreementStore(_dataSource);
        await caseWorkers.AddAsync(Municipality, "hh-101", certificate, "alice", CancellationToken.None);
        var agreement = await agreements.RequestAgreementAsync(ToolRequest(), "alice", "Kommunen har intet fagsystem.", CancellationToken.None, activate: true);

        var admitted = await SignInAsync(thumbprint);
        await agreements.TransitionAsync(agreement.Id, AgreementAction.Suspend, "alice", "Undersøges.", CancellationToken.None);
        var suspended = await SignInAsync(thumbprint);
        await agreements.TransitionAsync(agreement.Id, AgreementAction.Resume, "alice", "Afklaret.", CancellationToken.None);
        await caseWorkers.RevokeAsync(thumbprint, "bob", "Fratrådt.", CancellationToken.None);
        var revoked = await SignInAsync(thumbprint);

        Assert.Multiple(() =>
        {
            Assert.That(agreement.Channel, Is.EqualTo(RegistrationChannel.RegistrationTool));
            Assert.That(admitted.Refusal, Is.Null);
            Assert.That(admitted.Value.Context.CaseWorkerId, Is.EqualTo("hh-101"));
            Assert.That(admitted.Value.Agreement.Id, Is.EqualTo(agreement.Id));
            Assert.That(suspended.Refusal?.Code, Is.EqualTo(FaultCodes.AgreementSuspended));
            Assert.That(revoked.Refusal?.Code, Is.EqualTo(FaultCodes.CertificateRevoked));
        });
    }

    [Test]
    public async Task AgreementTable_WebServicesAgreementForTheTool_IsRefusedByTheDatabase()
    {
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("""
            insert into agreement (id, authority_kind, authority_code, it_system_id, operations, case_types, read_scope, environment, valid_from, status, channel)
            values (gen_random_uuid(), 'Municipality', '101', '0f5a4db0-c5e0-4a11-8d00-0000000000a1', '{Ping}', '{Kontanthjaelp}', 'OwnCitizens', 'Test', '2020-01-01', 'Active', 'WebServices')
            """, connection);

        var refused = Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync())!;

        Assert.That((refused.SqlState, refused.ConstraintName), Is.EqualTo((PostgresErrorCodes.CheckViolation, "agreement_channel_system")));
    }

    [Test]
    public async Task CaseWorkerTable_AnItSystemsCertificate_IsRefusedByTheDatabase()
    {
        using var certificate = PersonalCertificate("System Or Person");
        var system = await new ItSystemStore(_dataSource).AddItSystemAsync("Case system", "12345674", "tests", CancellationToken.None);
        await new CertificateStore(_dataSource).AddCertificateAsync(system, certificate, "tests", CancellationToken.None);

        var refused = Assert.ThrowsAsync<StoreConflictException>(() =>
            new CaseWorkerStore(_dataSource).AddAsync(Municipality, "sp-1", certificate, "tests", CancellationToken.None))!;

        Assert.That(((PostgresException)refused.InnerException!).SqlState, Is.EqualTo(PostgresErrorCodes.UniqueViolation));
    }

    private async Task<Outcome<(Agreement Agreement, CallerContext Context)>> SignInAsync(string thumbprint)
    {
        var caseWorker = await new CaseWorkerStore(_dataSource).FindAsync(thumbprint, CancellationToken.None);
        var agreements = caseWorker is null ? [] : await new AgreementStore(_dataSource).ListToolAgreementsAsync(caseWorker.Authority, CancellationToken.None);
        return CaseWorkerSignIn.Admit(caseWorker, agreements, null, RegisterInterview.Operation, GatewayEnvironment.Test,
            DateTimeOffset.UtcNow, DateOnly.FromDateTime(DateTime.UtcNow), "req-" + Guid.NewGuid().ToString("N"));
    }

    private static AgreementRequest ToolRequest() => new()
    {
        Authority = Municipality,
        ItSystemId = Domain.Agreements.RegistrationTool.ItSystemId,
        Channel = RegistrationChannel.RegistrationTool,
        Environment = GatewayEnvironment.Test,
        ValidFrom = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
    };

    private static X509Certificate2 PersonalCertificate(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
