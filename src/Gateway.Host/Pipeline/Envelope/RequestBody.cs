using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Host.Pipeline.Envelope;

/// <summary>Reads a request body whole, within the size cap. Called only once the caller is identified.</summary>
internal static class RequestBody
{
    // The buffer grows with what arrives, never with what the caller declares it will send.
    private const int FirstBuffer = 16 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, long maxBytes)
    {
        // Kestrel enforces the cap too (chunked bodies have no length to check first). Its default limit stays for
        // bodies nobody reads: those of refused callers, which it discards so that the caller still reads its fault.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
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
                    return writer.WrittenSpan.ToArray();
                }

                writer.Advance(read);
                if (writer.WrittenCount > maxBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's count reached the cap mid-read.
            return null;
        }
    }
}
