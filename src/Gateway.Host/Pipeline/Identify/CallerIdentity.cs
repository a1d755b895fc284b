using Gateway.Certificates;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;

namespace Gateway.Host.Pipeline.Identify;

/// <summary>
/// Who is calling (§ 5 nr. 1): the client certificate must chain to the trust bundle, be in date, be registered for an
/// IT system and not be revoked. The one rule, for the SOAP pipeline and for the partner's conformance read.
/// </summary>
internal sealed class CallerIdentity(ClientCertificates certificates, IAccessStore access, TimeProvider clock)
{
    /// <summary>The caller's IT system, or the refusal.</summary>
    public async Task<Outcome<Guid>> IdentifyAsync(HttpContext context)
    {
        if (certificates.FromRequest(context) is not { } certificate)
        {
            return new Refusal(FaultCodes.CertificateRequired);
        }

        var now = clock.GetUtcNow();
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            return new Refusal(FaultCodes.CertificateExpired);
        }

        var thumbprint = CertificateThumbprint.Of(certificate);
        if (!certificates.IsTrusted(certificate, thumbprint))
        {
            return new Refusal(FaultCodes.CertificateUntrusted);
        }

        var registered = await access.FindCertificateAsync(thumbprint, context.RequestAborted);
        if (registered is null)
        {
            return new Refusal(FaultCodes.CertificateUnknown);
        }

        return registered.Revoked ? new Refusal(FaultCodes.CertificateRevoked) : registered.ItSystemId;
    }
}
