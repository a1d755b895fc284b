using System.Buffers;

namespace Gateway.Benchmarks.Requests;

/// <summary>
/// What a reader needs from a ListRegistrations answer: how many entries it carried, its NextCursor and More. Read by a
/// scan of the element names (any namespace prefix) rather than by an XML parser, so the load client spends little of
/// the cores it shares with the gateway.
/// </summary>
/// <param name="Entries">The Entry elements on the page.</param>
/// <param name="NextCursor">The NextCursor element's content as sent (escaped XML text); empty when absent.</param>
/// <param name="More">Whether the page says more entries are waiting.</param>
internal readonly record struct RegistrationPageScan(int Entries, byte[] NextCursor, bool More)
{
    private static readonly SearchValues<byte> NameEnd = SearchValues.Create(" \t\r\n/>"u8);

    /// <summary>Scans a successful answer's body.</summary>
    public static RegistrationPageScan Read(ReadOnlySpan<byte> body)
    {
        var entries = 0;
        var cursor = ReadOnlySpan<byte>.Empty;
        var more = false;
        var rest = body;
        while (rest.IndexOf((byte)'<') is var open and >= 0)
        {
            rest = rest[(open + 1)..];
            // Closing tags, comments and declarations name nothing to count.
            if (rest.IsEmpty || rest[0] is (byte)'/' or (byte)'!' or (byte)'?')
            {
                continue;
            }

            var nameEnd = rest.IndexOfAny(NameEnd);
            if (nameEnd < 0)
            {
                break;
            }

            var name = rest[..nameEnd];
            var local = name[(name.IndexOf((byte)':') + 1)..];
            if (local.SequenceEqual("Entry"u8))
            {
                entries++;
            }
            else if (local.SequenceEqual("NextCursor"u8))
            {
                cursor = Content(rest);
            }
            else if (local.SequenceEqual("More"u8))
            {
                more = Content(rest).SequenceEqual("true"u8);
            }
        }

        return new RegistrationPageScan(entries, cursor.ToArray(), more);
    }

    // The text of a simple element whose start tag begins at tag (after its '<'): empty for <Name/>.
    private static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> tag)
    {
        var close = tag.IndexOf((byte)'>');
        if (close < 1 || tag[close - 1] == (byte)'/')
        {
            return [];
        }

        var text = tag[(close + 1)..];
        var end = text.IndexOf((byte)'<');
        return end < 0 ? [] : text[..end];
    }
}
