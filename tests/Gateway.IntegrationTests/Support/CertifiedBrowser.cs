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
        // The browser's last child processes may still be closing files in the profile for a moment after Quit.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(home))
                {
                    Directory.Delete(home, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(200);
            }
        }
    }
}
