using Gateway.Domain.Faults;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.RegistrationTool.Pages;

/// <summary>
/// What a case worker sees when a page fails or does not exist: the refusal in their words when the failure is one the
/// gateway names (the database unavailable, say), otherwise a general text; always the request's id for support, and
/// never the exception.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : ToolPage
{
    /// <summary>Whether the page asked for does not exist.</summary>
    public bool PageMissing { get; private set; }

    public void OnGet(int? status) => Read(status);

    public void OnPost(int? status) => Read(status);

    private void Read(int? status)
    {
        PageMissing = status == 404;
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        Refused = failure is GatewayException gateway ? gateway.Refusal : null;
        if (!PageMissing && status is null)
        {
            Response.StatusCode = Refused?.Code.Retryable == true ? 503 : 500;
        }
    }
}
