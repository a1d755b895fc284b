using Dapper;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Npgsql;

namespace Gateway.Data.Agreements;

/// <summary>The certificates and agreements in PostgreSQL, as the gateway looks them up for each call.</summary>
public sealed class AccessStore(GatewayDataSource dataSource) : IAccessStore
{
    /// <summary>How long the listening connection may stay silent before it is checked.</summary>
    public static readonly TimeSpan QuietSpell = TimeSpan.FromSeconds(15);

    /// <summary>The channel on which PostgreSQL announces any change to certificates and agreements.</summary>
    public const string ChangeChannel = "gateway_access_changed";

    /// <inheritdoc />
    public Task<RegisteredCertificate?> FindCertificateAsync(string thumbprint, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<CertificateRow>(new CommandDefinition(
                SelectCertificates + " where thumbprint = @thumbprint", new { thumbprint }, cancellationToken: cancellationToken));
            return row?.ToCertificate();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Agreement?> FindAgreementAsync(Guid id, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<AgreementRows.Row>(new CommandDefinition(
                AgreementRows.Select + " where a.id = @id", new { id }, cancellationToken: cancellationToken));
            return row is null ? null : AgreementRows.ToAgreement(row);
        }, cancellationToken);

    /// <summary>
    /// Calls <paramref name="changed"/> whenever certificates or agreements change, until cancelled. Returns (or throws)
    /// when the listening connection is lost; the caller decides how to reconnect, and must treat its cache as stale.
    /// </summary>
    public async Task ListenAsync(Action changed, Action listening, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, _) => changed();
        await using (var listen = new NpgsqlCommand($"listen {ChangeChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        listening();
        await using var ping = new NpgsqlCommand("select 1", connection);
        while (!cancellationToken.IsCancellationRequested)
        {
            // A connection can die without a word (a restarted server, a dropped NAT entry): after a quiet spell, a
            // round trip proves it alive, or throws and lets the caller stop trusting its cache.
            if (!await connection.WaitAsync(QuietSpell, cancellationToken))
            {
                await ping.ExecuteScalarAsync(cancellationToken);
            }
        }
    }

    /// <summary>How certificates are read: one query shape shared by the gateway and the CLI.</summary>
    internal const string SelectCertificates = """
        select thumbprint as Thumbprint, it_system_id as ItSystemId, subject as Subject, not_before as NotBefore,
               not_after as NotAfter, revoked_at is not null as Revoked
        from certificate
        """;

    internal sealed record CertificateRow(string Thumbprint, Guid ItSystemId, string Subject, DateTime NotBefore, DateTime NotAfter, bool Revoked)
    {
        public RegisteredCertificate ToCertificate() => new(Thumbprint, ItSystemId, Subject,
            new DateTimeOffset(DateTime.SpecifyKind(NotBefore, DateTimeKind.Utc)), new DateTimeOffset(DateTime.SpecifyKind(NotAfter, DateTimeKind.Utc)), Revoked);
    }
}
