using System.Security.Cryptography.X509Certificates;
using Gateway.Domain.Agreements;

namespace Gateway.Data.Agreements;

/// <summary>
/// Connections made the way a test installation needs them at once: the IT system with its client certificate, and
/// for each authority an Active agreement (in Test a trial connection needs no approval, domain.md § 7), each
/// registered where missing, so that running it again changes nothing. The sandbox, the test gateway and the
/// benchmark all connect their callers this way; production connections go through <c>gatewayctl</c> and an
/// operator's approval.
/// </summary>
public sealed class TrialConnections(AuthorityStore authorities, ItSystemStore systems, CertificateStore certificates, AgreementStore agreements)
{
    /// <summary>Registers the IT system and its client certificate where missing; returns the system's id.</summary>
    public async Task<Guid> SystemAsync(string name, string vendorCvr, X509Certificate2 certificate, string by, CancellationToken cancellationToken)
    {
        var system = await systems.AddItSystemAsync(name, vendorCvr, by, cancellationToken);
        await certificates.AddCertificateAsync(system, certificate, by, cancellationToken);
        return system;
    }

    /// <summary>
    /// Registers the authority of <paramref name="terms"/> (named <paramref name="authorityName"/>) and an Active agreement
    /// with id <paramref name="agreementId"/> on those terms, where missing. Its principals must be registered already.
    /// </summary>
    public async Task AgreementAsync(Guid agreementId, string authorityName, AgreementRequest terms, string by, string reason, CancellationToken cancellationToken)
    {
        await authorities.AddAuthorityAsync(terms.Authority, authorityName, by, cancellationToken);
        if (await agreements.GetAgreementAsync(agreementId, cancellationToken) is null)
        {
            await agreements.RequestAgreementAsync(terms, by, reason, cancellationToken, agreementId, activate: true);
        }
    }
}
