using System.Net;
using Gateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenQA.Selenium;

namespace Gateway.IntegrationTests.Host.Browser;

/// <summary>
/// Headless Chromium against an HTTPS site that requires a client certificate: each browser presents its own
/// certificate with no prompt and trusts the test CA that issued the site's certificate.
/// </summary>
[TestFixture]
public sealed class ClientCertificateBrowserTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Page_TwoBrowsersWithTheirOwnClientCertificates_EachIsKnownByItsOwnSubject()
    {
        await using var site = await HttpsTestSite.StartAsync(app => app.MapGet("/", (HttpContext context) =>
            Results.Content($"<!doctype html><html lang=\"en\"><head><title>Who</title></head><body><p id=\"subject\">{WebUtility.HtmlEncode(HttpsTestSite.ClientCertificate(context).Subject)}</p></body></html>", "text/html")));
        using var alice = TestPki.IssueClient("browser-alice");
        using var bob = TestPki.IssueClient("browser-bob");

        using var first = HeadlessChromium.Start(ClientIdentity.FromTestPki(alice));
        using var second = HeadlessChromium.Start(ClientIdentity.FromTestPki(bob));
        first.Driver.Navigate().GoToUrl(site.BaseAddress);
        second.Driver.Navigate().GoToUrl(site.BaseAddress);

        Assert.Multiple(() =>
        {
            Assert.That(first.Driver.FindElement(By.Id("subject")).Text, Is.EqualTo("CN=browser-alice"), first.Driver.PageSource);
            Assert.That(second.Driver.FindElement(By.Id("subject")).Text, Is.EqualTo("CN=browser-bob"), second.Driver.PageSource);
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Page_BrowserThatTrustsNoAuthority_IsStoppedAtTheCertificateError()
    {
        await using var site = await HttpsTestSite.StartAsync(app => app.MapGet("/", () => Results.Content("<!doctype html><title>Reached</title><p id=\"subject\">reached</p>", "text/html")));
        using var certificate = TestPki.IssueClient("browser-untrusting");

        using var browser = HeadlessChromium.Start(new ClientIdentity(certificate, []));
        browser.Driver.Navigate().GoToUrl(site.BaseAddress);

        Assert.Multiple(() =>
        {
            Assert.That(browser.Driver.FindElements(By.Id("subject")), Is.Empty, "the page is not shown");
            Assert.That(browser.Driver.PageSource, Does.Contain("ERR_CERT_AUTHORITY_INVALID"), "the trust comes from the NSS database, not from a switch that ignores errors");
        });
    }
}
