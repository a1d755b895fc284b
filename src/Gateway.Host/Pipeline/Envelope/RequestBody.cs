using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Host.Pipeline.Envelope;

/// <summary>Reads a request body whole, within the size cap. Called only once the caller is identified.</summary>
internal static class RequestBody
{
    // The buffer grows with what arrives, never with what the caller declares it will send.
    private const int FirstBuffer = 16 * 1024;

    // Kestrel counts a chunked body's framing against its limit, and a chunk of one byte carries six bytes of it; with
    // this allowance Kestrel never refuses a body the gateway's own count accepts, and still bounds what it reads.
    private const int FramingAllowance = 8;

    /// <summary>What reading the body came to.</summary>
    /// <param name="Bytes">The body, when it was read whole within the cap.</param>
    /// <param name="TooLarge">Whether it passed the cap.</param>
    /// <param name="UnreadableStatus">The HTTP status of a body that is not a well-formed HTTP body (broken chunking, a stall), else null.</param>
    public sealed record Result(byte[]? Bytes, bool TooLarge, int? UnreadableStatus);

    /// <summary>Reads the body, counting its bytes against <paramref name="maxBytes"/>.</summary>
    public static async Task<Result> ReadAsync(HttpContext context, long maxBytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes * FramingAllowance;
        }

        var writer = new ArrayBufferWriter<byte>(FirstBuffer);
        var body = context.Request.Body;
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(writer.GetMemory(FirstBuffer), context.RequestAborted);
                if (read == 0)
                {
                    return new Result(writer.WrittenSpan.ToArray(), false, null);
                }

                writer.Advance(read);
                if (writer.WrittenCount > maxBytes)
                {
                    return new Result(null, true, null);
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new Result(null, true, null);
        }
        catch (BadHttpRequestException ex)
        {
            // The caller's HTTP is broken (bad chunk sizes, a body that stalls): Kestrel answers it with this status and
            // closes the connection. It is the caller's doing, not the gateway's failure.
            return new Result(null, false, ex.StatusCode);
        }
    }
}
