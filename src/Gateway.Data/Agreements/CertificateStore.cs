using System.Security.Cryptography.X509Certificates;
using Dapper;
using Gateway.Certificates;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;

namespace Gateway.Data.Agreements;

/// <summary>The client certificates IT systems call with, registered by their SHA-256 thumbprint; revocation is final.</summary>
public sealed class CertificateStore(GatewayDataSource dataSource)
{
    /// <summary>Registers a client certificate for an IT system; an already registered one is left as it is.</summary>
    public Task<RegisteredCertificate> AddCertificateAsync(Guid itSystemId, X509Certificate2 certificate, string addedBy, CancellationToken cancellationToken) =>
        StoreFailures.Translate<RegisteredCertificate>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into certificate (thumbprint, it_system_id, subject, not_before, not_after, added_by)
                values (@thumbprint, @itSystemId, @subject, @notBefore, @notAfter, @addedBy)
                on conflict (thumbprint) do nothing
                """, new
            {
                thumbprint = CertificateThumbprint.Of(certificate),
                itSystemId,
                subject = certificate.Subject,
                notBefore = certificate.NotBefore.ToUniversalTime(),
                notAfter = certificate.NotAfter.ToUniversalTime(),
                addedBy,
            }, cancellationToken: work));
            return (await new AccessStore(dataSource).FindCertificateAsync(CertificateThumbprint.Of(certificate), work))!;
        }, cancellationToken);

    /// <summary>The registered certificates, of one IT system or all.</summary>
    public Task<IReadOnlyList<RegisteredCertificate>> ListCertificatesAsync(Guid? itSystemId, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<RegisteredCertificate>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var rows = await connection.QueryAsync<AccessStore.CertificateRow>(new CommandDefinition(
                AccessStore.SelectCertificates + " where @itSystemId::uuid is null or it_system_id = @itSystemId order by added_at",
                new { itSystemId }, cancellationToken: work));
            return [.. rows.Select(r => r.ToCertificate())];
        }, cancellationToken);

    /// <summary>Revokes a certificate; false when no unrevoked certificate has that thumbprint.</summary>
    public Task<bool> RevokeCertificateAsync(string thumbprint, string revokedBy, string reason, CancellationToken cancellationToken) =>
        StoreFailures.Translate<bool>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            return await connection.ExecuteAsync(new CommandDefinition("""
                update certificate set revoked_at = now(), revoked_by = @revokedBy, revoked_reason = @reason
                where thumbprint = @thumbprint and revoked_at is null
                """, new { thumbprint = thumbprint.ToUpperInvariant(), revokedBy, reason }, cancellationToken: work)) == 1;
        }, cancellationToken);
}
