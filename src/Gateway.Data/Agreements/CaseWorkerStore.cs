using System.Security.Cryptography.X509Certificates;
using Dapper;
using Gateway.Certificates;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;

namespace Gateway.Data.Agreements;

/// <summary>
/// Case workers' personal client certificates, registered by their SHA-256 thumbprint to one authority and a case-worker
/// id; the row keeps who added it and who revoked it, when and why. Revocation is final.
/// </summary>
public sealed class CaseWorkerStore(GatewayDataSource dataSource)
{
    private const string Select = """
        select thumbprint as Thumbprint, authority_kind as AuthorityKind, authority_code as AuthorityCode, case_worker_id as CaseWorkerId,
               subject as Subject, not_before as NotBefore, not_after as NotAfter, added_at as AddedAt, added_by as AddedBy,
               revoked_at as RevokedAt, revoked_by as RevokedBy, revoked_reason as RevokedReason
        from case_worker
        """;

    /// <summary>Registers <paramref name="certificate"/> for the case worker; an already registered one is left as it is.</summary>
    public Task<RegisteredCaseWorker> AddAsync(
        AuthorityId authority, string caseWorkerId, X509Certificate2 certificate, string addedBy, CancellationToken cancellationToken) =>
        StoreFailures.Translate<RegisteredCaseWorker>(async work =>
        {
            var thumbprint = CertificateThumbprint.Of(certificate);
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into case_worker (thumbprint, authority_kind, authority_code, case_worker_id, subject, not_before, not_after, added_by)
                values (@thumbprint, @kind, @code, @caseWorkerId, @subject, @notBefore, @notAfter, @addedBy)
                on conflict (thumbprint) do nothing
                """, new
            {
                thumbprint,
                kind = authority.Kind.ToString(),
                code = authority.Code,
                caseWorkerId,
                subject = certificate.Subject,
                notBefore = certificate.NotBefore.ToUniversalTime(),
                notAfter = certificate.NotAfter.ToUniversalTime(),
                addedBy,
            }, cancellationToken: work));
            return (await FindAsync(thumbprint, work))!;
        }, cancellationToken);

    /// <summary>The case worker registered with that thumbprint (revoked or not), or null.</summary>
    public Task<RegisteredCaseWorker?> FindAsync(string thumbprint, CancellationToken cancellationToken) =>
        StoreFailures.Translate<RegisteredCaseWorker?>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                Select + " where thumbprint = @thumbprint", new { thumbprint = thumbprint.ToUpperInvariant() }, cancellationToken: work));
            return row?.ToCaseWorker();
        }, cancellationToken);

    /// <summary>The registered case workers, of one authority or all, in the order they were added.</summary>
    public Task<IReadOnlyList<RegisteredCaseWorker>> ListAsync(AuthorityId? authority, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<RegisteredCaseWorker>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                Select + " where @kind::text is null or (authority_kind = @kind and authority_code = @code) order by added_at, thumbprint",
                new { kind = authority?.Kind.ToString(), code = authority?.Code }, cancellationToken: work));
            return [.. rows.Select(r => r.ToCaseWorker())];
        }, cancellationToken);

    /// <summary>Revokes a case worker's certificate; false when no unrevoked one has that thumbprint.</summary>
    public Task<bool> RevokeAsync(string thumbprint, string revokedBy, string reason, CancellationToken cancellationToken) =>
        StoreFailures.Translate<bool>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            return await connection.ExecuteAsync(new CommandDefinition("""
                update case_worker set revoked_at = now(), revoked_by = @revokedBy, revoked_reason = @reason
                where thumbprint = @thumbprint and revoked_at is null
                """, new { thumbprint = thumbprint.ToUpperInvariant(), revokedBy, reason }, cancellationToken: work)) == 1;
        }, cancellationToken);

    // A class with setters: Dapper maps the nullable timestamps without a matching constructor.
    private sealed class Row
    {
        public string Thumbprint { get; init; } = "";
        public string AuthorityKind { get; init; } = "";
        public string AuthorityCode { get; init; } = "";
        public string CaseWorkerId { get; init; } = "";
        public string Subject { get; init; } = "";
        public DateTime NotBefore { get; init; }
        public DateTime NotAfter { get; init; }
        public DateTime AddedAt { get; init; }
        public string AddedBy { get; init; } = "";
        public DateTime? RevokedAt { get; init; }
        public string? RevokedBy { get; init; }
        public string? RevokedReason { get; init; }

        public RegisteredCaseWorker ToCaseWorker() => new(
            Thumbprint, new AuthorityId(Enum.Parse<AuthorityKind>(AuthorityKind), AuthorityCode), CaseWorkerId, Subject,
            Utc(NotBefore), Utc(NotAfter), Utc(AddedAt), AddedBy, RevokedAt is { } at ? Utc(at) : null, RevokedBy, RevokedReason);

        private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}
