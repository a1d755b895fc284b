using System.Text;

namespace Gateway.Benchmarks.Load;

/// <summary>Whether a response counts as a success: a 2xx status and no SOAP Fault in the body.</summary>
internal static class ResponseCheck
{
    // Faults are prefixed (<s:Fault>, <soap:Fault>); both the gateway and SoapCore also answer them with HTTP 500.
    private static ReadOnlySpan<byte> FaultElement => ":Fault"u8;

    private static ReadOnlySpan<byte> BusyCode => "<Code>Server.Busy</Code>"u8;

    /// <summary>Whether the gateway shed the request (<c>Server.Busy</c>): counted apart, neither a success nor an error.</summary>
    public static bool IsShed(HttpResponseMessage response, ReadOnlySpan<byte> body) =>
        (int)response.StatusCode == 500 && body.IndexOf(BusyCode) >= 0;

    /// <summary>Null for a success, else what was wrong.</summary>
    public static string? Failure(HttpResponseMessage response, ReadOnlySpan<byte> body) =>
        !response.IsSuccessStatusCode ? $"HTTP {(int)response.StatusCode}: {Excerpt(body)}"
        : body.IndexOf(FaultElement) >= 0 ? $"SOAP fault: {Excerpt(body)}"
        : null;

    // Long enough for a gateway fault's field errors, which say what was refused (a scale run's 8 refusals of 2026-12-04
    // could not be explained from the first 600 bytes); fault texts hold no full CPR number.
    private static string Excerpt(ReadOnlySpan<byte> body) =>
        Encoding.UTF8.GetString(body[..Math.Min(body.Length, 2400)]);
}
