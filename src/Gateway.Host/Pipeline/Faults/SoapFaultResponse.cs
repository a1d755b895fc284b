using Gateway.Domain.Faults;

namespace Gateway.Host.Pipeline.Faults;

/// <summary>Answers a refused call with the documented fault envelope and HTTP 500, and logs the refusal.</summary>
internal static class SoapFaultResponse
{
    public static Task WriteAsync(HttpContext context, SoapCall call, Refusal refusal, bool logged = false)
    {
        call.Refusal = refusal;
        if (!logged)
        {
            context.RequestServices.GetRequiredService<FaultLog>().Refused(call, refusal, exception: null);
        }

        return SoapResponse.WriteAsync(context, call.Version, StatusCodes.Status500InternalServerError,
            writer => SoapFaultXml.WriteFault(writer, call.Version, refusal, call.CorrelationId));
    }
}
