using System.Text.Json.Nodes;
using OpenQA.Selenium.Chrome;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Debian's chromedriver through Selenium: the real browser a supervisor
/// opens a report in. Nothing is downloaded: both programs come from the machine (.ci/run installs them).
/// </summary>
public static class HeadlessChromium
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    /// <summary>Starts the browser; fails, saying what to install, when the machine lacks it.</summary>
    public static ChromeDriver Start()
    {
        RequireBrowser();
        return new ChromeDriver(Service(), Options(), TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Starts a browser of its own that trusts <see cref="ClientIdentity.TrustedAuthorities"/> and presents
    /// <see cref="ClientIdentity.Certificate"/> to every HTTPS site on localhost or 127.0.0.1 that asks for one, with no
    /// prompt. Each instance has its own temporary HOME (whose NSS database holds exactly that one client certificate)
    /// and its own profile, both removed when the returned browser is disposed.
    /// </summary>
    public static CertifiedBrowser Start(ClientIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        RequireBrowser();

        var home = Directory.CreateTempSubdirectory("gateway-chromium-");
        try
        {
            NssDatabase.Create(Path.Combine(home.FullName, ".pki", "nssdb"), identity);
            var service = Service();
            // chromedriver passes its environment on to the browser it starts; Chromium on Linux finds its NSS
            // database at $HOME/.pki/nssdb. (Selenium 4.52 has no EnvironmentVariables property; this event is its way.)
            service.DriverProcessStarting += (_, e) =>
            {
                e.DriverServiceProcessStartInfo.Environment["HOME"] = home.FullName;
                e.DriverServiceProcessStartInfo.Environment["XDG_CONFIG_HOME"] = Path.Combine(home.FullName, ".config");
                e.DriverServiceProcessStartInfo.Environment["XDG_CACHE_HOME"] = Path.Combine(home.FullName, ".cache");
            };
            var options = Options();
            var profile = Path.Combine(home.FullName, "profile");
            WriteAutoSelection(profile);
            options.AddArgument("--user-data-dir=" + profile);
            var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
            // A site whose certificate request the browser did not answer waits on a prompt no one sees: fail instead.
            driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(20);
            return new CertifiedBrowser(driver, home.FullName);
        }
        catch
        {
            CertifiedBrowser.DeleteHome(home.FullName);
            throw;
        }
    }

    /// <summary>
    /// Has the profile pick a client certificate with no prompt for https://localhost and https://127.0.0.1 (any port).
    /// </summary>
    /// <remarks>
    /// Chromium's AutoSelectCertificateForUrls policy would do it, but on Linux it reads policy only from the global
    /// /etc/chromium/policies/managed/*.json (its --policy switch works on debug Android builds only). The same choice is
    /// also a content setting of the profile, "auto_select_certificate", with the same value as the policy's, stored in
    /// the profile's Preferences: written there before the browser starts, it holds for this instance alone. Its filter
    /// matches any certificate, which is unambiguous because this instance's NSS database holds exactly one.
    /// </remarks>
    private static void WriteAutoSelection(string profile)
    {
        var anyCertificate = new JsonObject { ["filters"] = new JsonArray(new JsonObject()) };
        var exceptions = new JsonObject();
        foreach (var site in new[] { "https://[*.]localhost", "https://127.0.0.1" })
        {
            // "primary,secondary": the site asking, with any top-level site.
            exceptions[site + ",*"] = new JsonObject { ["setting"] = anyCertificate.DeepClone() };
        }

        var preferences = new JsonObject
        {
            ["profile"] = new JsonObject { ["content_settings"] = new JsonObject { ["exceptions"] = new JsonObject { ["auto_select_certificate"] = exceptions } } },
        };
        Directory.CreateDirectory(Path.Combine(profile, "Default"));
        File.WriteAllText(Path.Combine(profile, "Default", "Preferences"), preferences.ToJsonString());
    }

    private static void RequireBrowser()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            Assert.Fail($"This test opens the page in a real browser: install Debian's chromium and chromium-driver ({Browser}, {Driver}); .ci/run does.");
        }
    }

    private static ChromeDriverService Service()
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return service;
    }

    private static ChromeOptions Options()
    {
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2000", "--no-first-run");
        options.SetLoggingPreference(OpenQA.Selenium.LogType.Browser, OpenQA.Selenium.LogLevel.All);
        return options;
    }
}
