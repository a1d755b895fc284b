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
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? status;
        PageMissing = status == 404 || (status is null && failure is null);
        Refused = failure is GatewayException gateway ? gateway.Refusal : null;
        // A body too large or a form with too many or too long fields is the sender's mistake, not the tool's.
        TooLarge = failure is Microsoft.AspNetCore.Http.BadHttpRequestException or InvalidDataException || status is 400 or 413;
        Response.StatusCode = failure switch
        {
            null => status ?? 404,
            Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException => 400,
            _ => Refused?.Code.Retryable == true ? 503 : 500,
        };
    }

    /// <summary>Whether the request was refused as too large or malformed.</summary>
    public bool TooLarge { get; private set; }
}
