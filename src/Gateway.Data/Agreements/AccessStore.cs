using Dapper;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Npgsql;

namespace Gateway.Data.Agreements;

/// <summary>The certificates and agreements in PostgreSQL, as the gateway looks them up for each call.</summary>
public sealed class AccessStore(GatewayDataSource dataSource) : IAccessStore
{
    /// <summary>How long the listening connection may stay silent before it is checked.</summary>
    public static readonly TimeSpan QuietSpell = TimeSpan.FromSeconds(15);

    /// <summary>How long that round trip may take before the connection counts as lost (and the cache as stale).</summary>
    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The channel on which PostgreSQL announces any change to certificates and agreements.</summary>
    public const string ChangeChannel = "gateway_access_changed";

    /// <inheritdoc />
    public Task<RegisteredCertificate?> FindCertificateAsync(string thumbprint, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var row = await connection.QuerySingleOrDefaultAsync<CertificateRow>(new CommandDefinition(
                SelectCertificates + " where thumbprint = @thumbprint", new { thumbprint }, cancellationToken: work));
            return row?.ToCertificate();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Agreement?> FindAgreementAsync(Guid id, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var row = await connection.QuerySingleOrDefaultAsync<AgreementRows.Row>(new CommandDefinition(
                AgreementRows.Select + " where a.id = @id", new { id }, cancellationToken: work));
            return row is null ? null : AgreementRows.ToAgreement(row);
        }, cancellationToken);

    /// <summary>
    /// Calls <paramref name="changed"/> whenever certificates or agreements change, until cancelled. Returns (or throws)
    /// when the listening connection is lost; the caller decides how to reconnect, and must treat its cache as stale.
    /// </summary>
    /// <remarks>
    /// A database that cannot be reached, or a round trip that takes longer than <see cref="PingTimeout"/> (a frozen
    /// server, a silent partition), ends it with the data layer's <c>Server.Unavailable</c> failure: the database is
    /// away. A listening connection that is ended or dropped ends it with Npgsql's exception: the listener's own loss.
    /// Cancelling returns at once, even when the server does not answer: the listening connection then closes in the
    /// background, as soon as the server lets it.
    /// </remarks>
    public Task ListenAsync(Action changed, Action listening, CancellationToken cancellationToken)
    {
        var loop = ListenUntilLostAsync(changed, listening, cancellationToken);
        // Observed, so that a loop left behind at a stop and failing later does not surface as an unobserved exception.
        _ = loop.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return loop.WaitAsync(cancellationToken);
    }

    // Npgsql is never handed the stopping token: cancelling a wait makes it send a cancel request and wait for the
    // server's answer on the cancelling thread, which held a stop for 30 s on a frozen server. The loop sees the token
    // between quiet spells; ListenAsync has returned by then.
    private async Task ListenUntilLostAsync(Action changed, Action listening, CancellationToken cancellationToken)
    {
        var connection = await StoreFailures.Translate(work => dataSource.OpenConnectionAsync(work).AsTask(), cancellationToken);
        var silent = false;
        try
        {
            connection.Notification += (_, _) => changed();
            await using (var listen = new NpgsqlCommand($"listen {ChangeChannel}", connection))
            {
                await listen.ExecuteNonQueryAsync(CancellationToken.None);
            }

            listening();
            await using var ping = new NpgsqlCommand("select 1", connection);
            while (!cancellationToken.IsCancellationRequested)
            {
                // A connection can die without a word (a restarted server, a dropped NAT entry): after a quiet spell, a
                // round trip proves it alive, or throws and lets the caller stop trusting its cache. Bounded: a frozen
                // server answers nothing, and the cache must not be trusted for long without a word.
                if (await connection.WaitAsync(QuietSpell, CancellationToken.None))
                {
                    continue;
                }

                var answered = ping.ExecuteScalarAsync(CancellationToken.None);
                if (await Task.WhenAny(answered, Task.Delay(PingTimeout, cancellationToken)) != answered)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    silent = true;
                    _ = answered.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                    throw new GatewayException(FaultCodes.StoreUnavailable,
                        new TimeoutException($"the change listener's connection did not answer within {PingTimeout.TotalSeconds:0} s"));
                }

                await answered;
            }
        }
        finally
        {
            // A silent server may not let the connection close either: it is closed in the background, and the caller
            // learns of the loss at once.
            if (silent)
            {
                _ = Task.Run(async () => await connection.DisposeAsync(), CancellationToken.None);
            }
            else
            {
                await connection.DisposeAsync();
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
