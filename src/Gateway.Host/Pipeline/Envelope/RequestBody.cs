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
    /// <param name="CallerGone">Whether the caller closed or reset the connection before the body was whole: there is no one left to answer.</param>
    /// <param name="TooSlow">Whether the body was not whole by the deadline; the connection has been closed.</param>
    public sealed record Result(byte[]? Bytes, bool TooLarge, int? UnreadableStatus, bool CallerGone = false, bool TooSlow = false);

    /// <summary>Reads the body, counting its bytes against <paramref name="maxBytes"/>, all of it within <paramref name="deadline"/>.</summary>
    public static async Task<Result> ReadAsync(HttpContext context, long maxBytes, TimeSpan deadline)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes * FramingAllowance;
        }

        // Kestrel's minimum data rate ends a stalled body; the deadline ends one that trickles just above it, which would
        // hold its buffer for an hour at the size cap. It closes the connection: a read cancelled half-way would leave
        // Kestrel's body reader unable to finish the request.
        var late = 0;
        using var timer = new CancellationTokenSource(deadline);
        var closing = timer.Token.Register(() =>
        {
            Volatile.Write(ref late, 1);
            context.Abort();
        });
        try
        {
            var result = await ReadWholeAsync(context.Request.Body, maxBytes);
            await closing.DisposeAsync();
            return Volatile.Read(ref late) == 1 ? new Result(null, false, null, TooSlow: true) : result;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            await closing.DisposeAsync();
            // Ours (the deadline), or the caller's: a reset or closed connection, which Kestrel reports as an IOException
            // (ConnectionResetException) often before it signals the abort. Either way nobody is left to answer.
            return Volatile.Read(ref late) == 1 ? new Result(null, false, null, TooSlow: true) : new Result(null, false, null, CallerGone: true);
        }
    }

    // The body is read into buffers rented from the shared pool, doubling as it grows, and copied out once at its own
    // size: a fresh buffer per request (16 KiB, then 32 when the first did not hold the next read) was most of what a
    // call allocated (docs/performance.md, "Allocations of a write").
    private static async Task<Result> ReadWholeAsync(Stream body, long maxBytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(FirstBuffer);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    GiveBack(buffer, length);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length));
                if (read == 0)
                {
                    return new Result(buffer.AsSpan(0, length).ToArray(), false, null);
                }

                length += read;
                if (length > maxBytes)
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
        finally
        {
            GiveBack(buffer, length);
        }
    }

    // A body holds personal data (CPR numbers): what it left in a pooled buffer is wiped before the buffer goes back.
    private static void GiveBack(byte[] buffer, int used)
    {
        buffer.AsSpan(0, Math.Min(used, buffer.Length)).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
