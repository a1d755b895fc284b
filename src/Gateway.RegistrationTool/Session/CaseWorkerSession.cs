using Gateway.Certificates;
using Gateway.Data.Agreements;
using Gateway.Domain.Calendar;
using Gateway.RegistrationTool.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Gateway.RegistrationTool.Session;

/// <summary>
/// Every signed-in request, before its page: the session is the certificate's (the same certificate is presented on this
/// connection as at sign-in), is within its absolute lifetime, and its case worker is still registered and not revoked.
/// Otherwise the session ends and the browser is sent to sign in again. What the case worker may do is then decided by
/// the page, through <see cref="ToolCaller.Admit"/>, against the agreements read here, on this request.
/// </summary>
internal sealed class CaseWorkerSession(
    RequestDelegate next, CaseWorkerStore caseWorkers, AgreementStore agreements, DanishCalendar calendar, ToolListener listener,
    IOptions<RegistrationToolOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || http.User.Identity?.IsAuthenticated != true)
        {
            // Pages that need no session, and requests without one, which authorization sends to sign in.
            await next(http);
            return;
        }

        var now = calendar.Clock.GetUtcNow();
        var thumbprint = SessionClaims.ThumbprintOf(http.User);
        var signedInAt = SessionClaims.SignedInAtOf(http.User);
        var presented = http.Connection.ClientCertificate;
        var caseWorker = thumbprint is not null && presented is not null && CertificateThumbprint.Of(presented) == thumbprint
            && signedInAt is { } at && now - at <= TimeSpan.FromHours(options.Value.SessionHours)
                ? await caseWorkers.FindAsync(thumbprint, http.RequestAborted)
                : null;
        if (caseWorker is null || caseWorker.Revoked)
        {
            await http.SignOutAsync(SessionClaims.Scheme);
            http.Response.Redirect("/logind?session=ended");
            return;
        }

        var toolAgreements = await agreements.ListToolAgreementsAsync(caseWorker.Authority, http.RequestAborted);
        http.Features.Set(new ToolCaller(
            caseWorker, toolAgreements, SessionClaims.PrincipalOf(http.User), listener.Environment, now, calendar.DayOf(now), http.TraceIdentifier));
        await next(http);
    }
}
