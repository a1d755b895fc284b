namespace Gateway.Host.Pipeline.Usage;

/// <summary>Counts each call against its agreement, by operation and outcome (<c>Success</c> or the fault code), once the call is over.</summary>
internal sealed class UsageMiddleware(RequestDelegate next, UsageCounter counter)
{
    public const string Success = "Success";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Features.Get<SoapCall>() is { AgreementId: { } agreementId, Operation: { } operation } call)
        {
            counter.Count(agreementId, operation.Name, call.Refusal?.Code.Value ?? Success);
        }
    }
}
