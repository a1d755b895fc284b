using Gateway.Certificates;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Host.Pipeline.Faults;

namespace Gateway.Host.Pipeline.Identify;

/// <summary>
/// Identify (§ 5 nr. 1): the caller's client certificate must chain to the trust bundle, be in date, be registered
/// for an IT system and not be revoked. The TLS handshake lets any certificate through so that a refusal arrives as
/// a SOAP fault the caller can read, not as a dropped connection. Runs before any XML is parsed.
/// </summary>
internal sealed class IdentifyMiddleware(RequestDelegate next, ClientCertificates certificates, IAccessStore access, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is not { } call)
        {
            await next(context);
            return;
        }

        if (await IdentifyAsync(context, call) is { } refusal)
        {
            await SoapFaultResponse.WriteAsync(context, call, refusal);
            return;
        }

        await next(context);
    }

    private async Task<Refusal?> IdentifyAsync(HttpContext context, SoapCall call)
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

        if (registered.Revoked)
        {
            return new Refusal(FaultCodes.CertificateRevoked);
        }

        call.ItSystemId = registered.ItSystemId;
        return null;
    }
}
