using System.Diagnostics;
using Gateway.Data.Database;
using Gateway.Host.Hosting;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Host.Resilience;

/// <summary>
/// The gateway process itself is killed with SIGKILL while it runs on its embedded PostgreSQL (the README's run command,
/// as a real process): its server is left running, an orphan. The next start on the same folder stops the orphan, starts
/// the server afresh and serves, with the data kept.
/// </summary>
[TestFixture]
public sealed class GatewayKilledTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "gateway-killed-" + Guid.NewGuid().ToString("N")[..12]);

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task NextStart_AfterTheGatewayWasKilled_StopsTheOrphanedServerAndServes()
    {
        var orphan = await StartAndKillAGatewayProcessAsync();
        Assert.That(EmbeddedPostgres.ProcessRuns(orphan), Is.True, "the killed gateway's server should be left running (what this test is about)");

        await using var gateway = await TestGateway.StartAsync(embeddedFolder: _folder);
        var restarted = gateway.Services.GetRequiredService<GatewayDatabase>().Embedded!;

        Assert.Multiple(async () =>
        {
            Assert.That(EmbeddedPostgres.ProcessRuns(orphan), Is.False, "the orphaned server still runs");
            Assert.That(restarted.ServerProcessId, Is.Not.EqualTo(orphan));
            Assert.That(restarted.IsRunning, Is.True);
            Assert.That((await gateway.Client(As.OtherActor).Ping()).Version, Is.Not.Empty);
            Assert.That(await gateway.CountAsync("agreement"), Is.GreaterThanOrEqualTo(1), "the first run's data is kept");
        });
    }

    // Runs the gateway as the README does (no connection string), waits until it serves, kills it; returns its server's pid.
    private async Task<int> StartAndKillAGatewayProcessAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Gateway.Host.dll") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Gateway__EmbeddedDatabase__DataDirectory"] = _folder,
                ["ASPNETCORE_URLS"] = "https://127.0.0.1:0",
                ["Gateway__Management__Url"] = "http://127.0.0.1:0",
                ["Gateway__RegistrationTool__Url"] = "https://127.0.0.1:0",
            },
        };
        using var process = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Sandbox ready", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
            var pid = int.Parse(File.ReadLines(Path.Combine(_folder, "pgdata", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
            process.Kill(); // SIGKILL: no shutdown of any kind
            await process.WaitForExitAsync();
            return pid;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
