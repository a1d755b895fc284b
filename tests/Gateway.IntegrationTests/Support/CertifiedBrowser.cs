using OpenQA.Selenium.Chrome;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// A headless Chromium with a client certificate of its own (see <see cref="HeadlessChromium.Start(ClientIdentity)"/>).
/// Disposing it quits the browser and its driver and deletes its temporary HOME: NSS database, profile and caches.
/// </summary>
public sealed class CertifiedBrowser : IDisposable
{
    private readonly string _home;
    private bool _disposed;

    internal CertifiedBrowser(ChromeDriver driver, string home)
    {
        Driver = driver;
        _home = home;
    }

    public ChromeDriver Driver { get; }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            Driver.Quit();
        }
        finally
        {
            Driver.Dispose();
            DeleteHome(_home);
        }
    }

    internal static void DeleteHome(string home)
    {
        // Quit ends the browser, but its helper processes (all started with HOME set to this folder) can still be
        // closing, and writing into the profile, for a moment: wait for them, then delete until the folder stays gone.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (ProcessesWithHome(home) > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        while (true)
        {
            try
            {
                if (Directory.Exists(home))
                {
                    Directory.Delete(home, recursive: true);
                }
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // A file was still being written; try again.
            }

            Thread.Sleep(200);
            if (!Directory.Exists(home))
            {
                return;
            }

            if (DateTime.UtcNow >= deadline)
            {
                TestContext.Progress.WriteLine($"The browser's temporary HOME {home} could not be removed within 10 s.");
                return;
            }
        }
    }

    /// <summary>How many processes still run with this HOME: the browser and its helpers inherit it from chromedriver.</summary>
    private static int ProcessesWithHome(string home)
    {
        var marker = "\0HOME=" + home + "\0";
        var count = 0;
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out _))
            {
                continue;
            }

            try
            {
                if (("\0" + File.ReadAllText(Path.Combine(process, "environ"))).Contains(marker, StringComparison.Ordinal))
                {
                    count++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended meanwhile, or is not ours to read.
            }
        }

        return count;
    }
}
