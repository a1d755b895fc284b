using Gateway.Benchmarks.Load;
using Gateway.Contracts;

namespace Gateway.Benchmarks.Requests;

/// <summary>
/// One reader of ListRegistrations: asks for the first page, then for the page after each answer's NextCursor, and
/// starts again from the first page when an answer says no more entries are waiting. One per worker.
/// </summary>
internal sealed class RegistrationFeedReader(Uri endpoint, RegistrationPageRequests requests) : IRequestSource
{
    private byte[]? _cursor;

    public HttpRequestMessage? Next() =>
        SoapRequest.Post(endpoint, ContactCourseActions.ListRegistrations, _cursor is null ? requests.FirstPage : requests.After(_cursor));

    public int Answered(ReadOnlySpan<byte> body)
    {
        var page = RegistrationPageScan.Read(body);
        _cursor = page.More && page.NextCursor.Length > 0 ? page.NextCursor : null;
        return page.Entries;
    }
}
