using Gateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Host.Browser;

/// <summary>
/// The axe-core helper in a real browser, on pages served with a strict Content-Security-Policy (default-src 'self'),
/// which would block any script the page itself tried to bring in from elsewhere or inline.
/// </summary>
[TestFixture]
public sealed class AccessibilityTests
{
    private const string Strict = "default-src 'self'";

    // Inline script: the policy must block it, which shows the policy is in force where axe runs.
    private const string Inline = "<script>window.inlineScriptRan = true;</script>";

    private const string Violating = $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Broken form</title></head>
        <body><main><h1>Register</h1>{Inline}
        <img src="/logo.png">
        <form><input type="text" id="cpr"></form>
        </main></body></html>
        """;

    private const string Clean = $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Good form</title></head>
        <body><main><h1>Register</h1>{Inline}
        <img src="/logo.png" alt="Gateway logo">
        <form><label for="cpr">CPR number</label><input type="text" id="cpr"></form>
        </main></body></html>
        """;

    private HttpsTestSite _site = null!;
    private CertifiedBrowser _browser = null!;
    private System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _site = await HttpsTestSite.StartAsync(app =>
        {
            app.MapGet("/violating", (HttpContext context) => Page(context, Violating));
            app.MapGet("/clean", (HttpContext context) => Page(context, Clean));
        });
        _certificate = TestPki.IssueClient("browser-accessibility");
        _browser = HeadlessChromium.Start(ClientIdentity.FromTestPki(_certificate));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _browser?.Dispose();
        _certificate?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    [Test]
    [CancelAfter(30_000)]
    public void SeriousViolations_PageWithAnUnlabelledInputAndAnImageWithoutAlt_ReportsBothUnderAStrictCsp()
    {
        _browser.Driver.Navigate().GoToUrl(new Uri(_site.BaseAddress, "violating"));

        var violations = Accessibility.SeriousViolations(_browser.Driver);
        TestContext.Out.WriteLine(string.Join('\n', violations));

        Assert.Multiple(() =>
        {
            Assert.That(_browser.Driver.ExecuteScript("return window.inlineScriptRan === undefined;"), Is.True, "the page's CSP is in force");
            Assert.That(violations, Has.Some.StartsWith("image-alt (critical)").And.Contains("img"), string.Join('\n', violations));
            Assert.That(violations, Has.Some.StartsWith("label (critical)").And.Contains("#cpr"), string.Join('\n', violations));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public void SeriousViolations_CleanPageUnderAStrictCsp_ReportsNone()
    {
        _browser.Driver.Navigate().GoToUrl(new Uri(_site.BaseAddress, "clean"));

        var violations = Accessibility.SeriousViolations(_browser.Driver);
        var result = Accessibility.Run(_browser.Driver);

        Assert.Multiple(() =>
        {
            Assert.That(_browser.Driver.ExecuteScript("return window.inlineScriptRan === undefined;"), Is.True, "the page's CSP is in force");
            Assert.That(violations, Is.Empty);
            Assert.That(result.TestEngine.Version, Is.EqualTo("4.14.0"), "axe ran (the embedded engine)");
        });
    }

    private static IResult Page(HttpContext context, string html)
    {
        context.Response.Headers.ContentSecurityPolicy = Strict;
        return Results.Content(html, "text/html");
    }
}
