using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Gateway.Domain.Identifiers;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Pipeline;

/// <summary>
/// The hardening corpus (<c>Corpus/corpus.txt</c>): stored requests, each sent to the real gateway exactly as its line
/// says (encoded as stated, with the stated Content-Type) and answered with the fault code, or the stored result, the
/// line names. Every answer is labelled with the charset it is written in and says nothing internal; every refusal
/// stores nothing. In the files, <c>{{callcontext}}</c> is the municipality's valid call context header, and
/// <c>{{requestid}}</c> a request id of the case's own, and <c>{{registration}}</c> and <c>{{cpr}}</c> a registration
/// (version 1) made for the case and its citizen.
/// </summary>
[TestFixture]
public sealed partial class HardeningCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Host", "Pipeline", "Corpus");
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    public static IEnumerable<TestCaseData> Cases() =>
        File.ReadAllLines(Path.Combine(Folder, "corpus.txt"))
            .Where(line => line.Trim() is { Length: > 0 } trimmed && !trimmed.StartsWith('#'))
            .Select(CorpusCase.Parse)
            .Select((c, line) => new TestCaseData(c).SetName($"Corpus_{line + 1:000}_{c.File.Replace('/', '_').Replace(".xml", "", StringComparison.Ordinal)}_{c.Encoding}"));

    [TestCaseSource(nameof(Cases))]
    public async Task Corpus_Request_GetsTheAnswerItsLineNames(CorpusCase corpusCase)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Folder, corpusCase.File));
        if (text.Contains("{{registration}}", StringComparison.Ordinal))
        {
            var cpr = TestCitizens.Next();
            var receipt = await _gateway.Client().RegisterInterview(SampleRegistrations.Minimal(cpr));
            text = text.Replace("{{registration}}", receipt.RegistrationId.ToString(), StringComparison.Ordinal)
                .Replace("{{cpr}}", cpr, StringComparison.Ordinal);
        }

        text = text.Replace("{{callcontext}}", Callers.HeaderXml(), StringComparison.Ordinal)
            .Replace("{{requestid}}", "corpus-" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        var before = (await _gateway.CountAsync("registration"), await _gateway.CountAsync("write_request"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/soap/v1/ContactCourse") { Content = new ByteArrayContent(corpusCase.Encode(text)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", corpusCase.ContentType);
        using var response = await _gateway.Http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(corpusCase.Soap12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8"),
                "answers are labelled with the charset they are written in, and nothing of the request's media type is echoed");
            Assert.That(raw, Does.Not.Contain("Exception").And.Not.Contain("   at "));
            Assert.That(response.Headers.Contains("Server"), Is.False);
        });
        await corpusCase.Expectation.AssertAsync(_gateway, response.StatusCode, raw, before);
    }

    /// <summary>One line of the corpus: <c>file | encoding | content type | expectation</c>.</summary>
    public sealed record CorpusCase(string File, string Encoding, string ContentType, Expectation Expectation)
    {
        public bool Soap12 => ContentType.StartsWith("application/soap+xml", StringComparison.Ordinal);

        public static CorpusCase Parse(string line)
        {
            var parts = line.Split(" | ", StringSplitOptions.TrimEntries);
            if (parts.Length != 4)
            {
                throw new FormatException($"A corpus line has four parts separated by ' | ': {line}");
            }

            var contentType = parts[2] switch
            {
                "soap11" => "text/xml; charset=utf-8",
                "soap12" => "application/soap+xml; charset=utf-8",
                var given => given,
            };
            return new CorpusCase(parts[0], parts[1], contentType, Expectation.Parse(parts[3]));
        }

        /// <summary>The bytes sent: the file's text in the line's encoding, with <c>{{byte:HH}}</c> markers as raw bytes.</summary>
        public byte[] Encode(string text)
        {
            var (encoding, bom) = Encoding switch
            {
                "utf-8" => (System.Text.Encoding.UTF8, false),
                "utf-8-bom" => (System.Text.Encoding.UTF8, true),
                "utf-16le" => (System.Text.Encoding.Unicode, false),
                "utf-16le-bom" => (System.Text.Encoding.Unicode, true),
                "utf-16be" => (System.Text.Encoding.BigEndianUnicode, false),
                "utf-16be-bom" => (System.Text.Encoding.BigEndianUnicode, true),
                "utf-32le-bom" => (System.Text.Encoding.UTF32, true),
                "iso-8859-1" => (System.Text.Encoding.Latin1, false),
                _ => throw new FormatException($"Unknown corpus encoding {Encoding}"),
            };
            var bytes = new List<byte>(bom ? encoding.GetPreamble() : []);
            var at = 0;
            foreach (Match marker in RawByte().Matches(text))
            {
                bytes.AddRange(encoding.GetBytes(text[at..marker.Index]));
                bytes.Add(Convert.ToByte(marker.Groups[1].Value, 16));
                at = marker.Index + marker.Length;
            }

            bytes.AddRange(encoding.GetBytes(text[at..]));
            return [.. bytes];
        }

        public override string ToString() => $"{File} ({Encoding}, {ContentType})";
    }

    /// <summary>
    /// What must come back: <c>fault CODE [field=FIELDCODE] [absent=TEXT]</c>, <c>ok</c>, or <c>comments TEXT</c> (accepted,
    /// and GetInterview returns exactly TEXT, C#-escaped, as the citizen's comments).
    /// </summary>
    public sealed record Expectation(string Kind, string? Code, IReadOnlyList<string> FieldCodes, IReadOnlyList<string> Absent, string? Comments)
    {
        public static Expectation Parse(string text)
        {
            var kind = text.Split(' ', 2)[0];
            if (kind == "comments")
            {
                return new Expectation(kind, null, [], [], Regex.Unescape(text[(kind.Length + 1)..]));
            }

            var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new Expectation(kind, kind == "fault" ? tokens[1] : null,
                [.. tokens.Where(t => t.StartsWith("field=", StringComparison.Ordinal)).Select(t => t["field=".Length..])],
                [.. tokens.Where(t => t.StartsWith("absent=", StringComparison.Ordinal)).Select(t => Regex.Unescape(t["absent=".Length..]))],
                null);
        }

        public async Task AssertAsync(TestGateway gateway, HttpStatusCode status, string raw, (long Registrations, long Requests) before)
        {
            var document = XDocument.Parse(raw);
            var gatewayFault = document.Descendants(SoapRequests.Contract + "GatewayFault").SingleOrDefault();
            if (Kind == "fault")
            {
                Assert.That(gatewayFault, Is.Not.Null, raw);
                var fieldCodes = gatewayFault!.Descendants(SoapRequests.Contract + "FieldError").Select(e => e.Element(SoapRequests.Contract + "Code")!.Value).ToList();
                var fieldTexts = string.Join("\n", gatewayFault.Descendants(SoapRequests.Contract + "FieldError").Select(e => e.Value));
                Assert.Multiple(async () =>
                {
                    Assert.That((int)status, Is.EqualTo(500));
                    Assert.That(gatewayFault.Element(SoapRequests.Contract + "Code")!.Value, Is.EqualTo(Code), raw);
                    Assert.That(fieldCodes, Is.SupersetOf(FieldCodes), raw);
                    Assert.That(Cpr.MaskWithin(fieldTexts), Is.EqualTo(fieldTexts), "a fault's field errors never carry what could be a CPR number");
                    // The correlation id is random hex: it can hold any run of digits by chance, and is not the caller's text.
                    var answered = Regex.Replace(raw, "<CorrelationId>[0-9a-f]+</CorrelationId>", "<CorrelationId/>");
                    foreach (var absent in Absent)
                    {
                        Assert.That(answered, Does.Not.Contain(absent));
                    }

                    Assert.That((await gateway.CountAsync("registration"), await gateway.CountAsync("write_request")), Is.EqualTo(before), "a refusal stores nothing");
                });
                return;
            }

            Assert.Multiple(() =>
            {
                Assert.That((int)status, Is.EqualTo(200), raw);
                Assert.That(gatewayFault, Is.Null, raw);
            });
            if (Comments is not null)
            {
                var id = Guid.Parse(document.Descendants(SoapRequests.Contract + "RegistrationId").First().Value);
                var history = await gateway.Client().GetInterview(id);
                Assert.That(history.Versions[^1].Interview.CitizenComments, Is.EqualTo(Comments), "what was validated is what is stored and read back");
            }
        }
    }

    [GeneratedRegex("\\{\\{byte:([0-9A-Fa-f]{2})\\}\\}")]
    private static partial Regex RawByte();
}
