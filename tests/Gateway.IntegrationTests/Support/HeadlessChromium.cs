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
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            Assert.Fail($"This test opens the page in a real browser: install Debian's chromium and chromium-driver ({Browser}, {Driver}); .ci/run does.");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2000", "--no-first-run");
        options.SetLoggingPreference(OpenQA.Selenium.LogType.Browser, OpenQA.Selenium.LogLevel.All);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
