namespace Gateway.Domain.Agreements;

/// <summary>What the gateway looks up to admit a call: the caller's certificate and the agreement it names.</summary>
public interface IAccessStore
{
    /// <summary>The registered certificate with that SHA-256 thumbprint, or null.</summary>
    Task<RegisteredCertificate?> FindCertificateAsync(string thumbprint, CancellationToken cancellationToken);

    /// <summary>The agreement with that id, or null.</summary>
    Task<Agreement?> FindAgreementAsync(Guid id, CancellationToken cancellationToken);
}
