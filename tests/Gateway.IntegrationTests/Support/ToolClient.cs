using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// The registration tool spoken to as a browser speaks to it, over real HTTPS with a client certificate: cookies kept,
/// redirects not followed (so tests see them), forms posted as application/x-www-form-urlencoded with the anti-forgery
/// token of the page they came from.
/// </summary>
public sealed partial class ToolClient : IDisposable
{
    private readonly HttpClient _http;

    public ToolClient(Uri url, X509Certificate2? certificate)
    {
        var handler = new HttpClientHandler
        {
            CookieContainer = Cookies,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, server, _, _) => TestPki.TrustsServer(server),
            ClientCertificateOptions = ClientCertificateOption.Manual,
        };
        if (certificate is not null)
        {
            handler.ClientCertificates.Add(certificate);
        }

        _http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>The last page read: its HTML, where its forms' tokens come from.</summary>
    public string LastPage { get; private set; } = "";

    public async Task<Answer> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return await ReadAsync(response);
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="path"/> with the token of the last page read (none when <paramref name="withToken"/> is false).</summary>
    public async Task<Answer> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var all = fields.ToList();
        if (withToken)
        {
            all.Add(new("__token", TokenOf(LastPage)));
        }

        using var content = new FormUrlEncodedContent(all);
        using var response = await _http.PostAsync(path, content);
        return await ReadAsync(response);
    }

    /// <summary>Signs in: the sign-in page, then its form. Returns the sign-in's answer (a redirect to / when admitted).</summary>
    public async Task<Answer> SignInAsync(string? principal = null)
    {
        await GetAsync("/logind");
        return await PostAsync("/logind", principal is null ? [] : [new("Principal", principal)]);
    }

    /// <summary>The value of the hidden field <paramref name="name"/> on the last page read.</summary>
    public string Hidden(string name) =>
        Regex.Match(LastPage, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"") is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new AssertionException($"No hidden field {name} on the page.");

    public void Dispose() => _http.Dispose();

    private async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            LastPage = html;
        }

        return new Answer(response.StatusCode, html, response.Headers.Location?.OriginalString, response.Headers, response.Content.Headers);
    }

    private static string TokenOf(string html) =>
        Token().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new AssertionException("The page has no anti-forgery token.");

    [GeneratedRegex("name=\"__token\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex Token();

    /// <summary>One answer: status, body, where a redirect points, and the headers.</summary>
    public sealed record Answer(
        HttpStatusCode Status, string Html, string? Location, System.Net.Http.Headers.HttpResponseHeaders Headers,
        System.Net.Http.Headers.HttpContentHeaders ContentHeaders)
    {
        /// <summary>The page's text with tags removed and character references decoded, for reading what a person reads.</summary>
        public string Text => WebUtility.HtmlDecode(Regex.Replace(Html, "<[^>]+>", " "));

        /// <summary>The registration a stored write redirects to (<c>/registrering/{id}?gemt=N</c>).</summary>
        public Guid StoredRegistrationId => Guid.Parse(Location!.Split('/')[2].Split('?')[0]);
    }
}
