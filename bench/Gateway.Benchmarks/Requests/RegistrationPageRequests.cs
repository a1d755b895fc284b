using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Gateway.Benchmarks.Requests;

/// <summary>
/// ListRegistrations bodies made from the sample: the first page (no cursor), and the page after a cursor, which the
/// sample's comment says to send as a Cursor element before MaxCount.
/// </summary>
internal sealed class RegistrationPageRequests
{
    /// <summary>Entries asked for per page.</summary>
    public const int PageSize = 100;

    private const string CursorPlaceholder = "@@CURSOR@@";

    private readonly byte[] _beforeCursor;
    private readonly byte[] _afterCursor;

    private RegistrationPageRequests(byte[] firstPage, byte[] beforeCursor, byte[] afterCursor)
    {
        FirstPage = firstPage;
        _beforeCursor = beforeCursor;
        _afterCursor = afterCursor;
    }

    /// <summary>The body asking for the first page.</summary>
    public byte[] FirstPage { get; }

    /// <summary>Made from the ListRegistrations sample (which has no Cursor and a MaxCount).</summary>
    public static RegistrationPageRequests From(XDocument sample)
    {
        var maxCount = sample.Descendants(SoapEnvelopes.Element("MaxCount")).SingleOrDefault()
            ?? throw new InvalidOperationException("The ListRegistrations sample has no MaxCount element; update the benchmark to the sample.");
        maxCount.Value = PageSize.ToString(CultureInfo.InvariantCulture);
        var firstPage = Encoding.UTF8.GetBytes(SoapEnvelopes.Text(sample));

        maxCount.AddBeforeSelf(new XElement(SoapEnvelopes.Element("Cursor"), CursorPlaceholder));
        var text = SoapEnvelopes.Text(sample);
        var at = text.IndexOf(CursorPlaceholder, StringComparison.Ordinal);
        return new RegistrationPageRequests(
            firstPage, Encoding.UTF8.GetBytes(text[..at]), Encoding.UTF8.GetBytes(text[(at + CursorPlaceholder.Length)..]));
    }

    /// <summary>
    /// The body asking for the page after <paramref name="cursor"/>: the NextCursor element's content exactly as the
    /// previous answer carried it (still escaped, so it stays well-formed in the request).
    /// </summary>
    public byte[] After(ReadOnlySpan<byte> cursor)
    {
        var body = new byte[_beforeCursor.Length + cursor.Length + _afterCursor.Length];
        _beforeCursor.CopyTo(body, 0);
        cursor.CopyTo(body.AsSpan(_beforeCursor.Length));
        _afterCursor.CopyTo(body, _beforeCursor.Length + cursor.Length);
        return body;
    }
}
