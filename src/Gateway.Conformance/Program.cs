using System.CommandLine;
using System.Diagnostics;

namespace Gateway.Conformance;

/// <summary>
/// <c>conformance-kit run --sandbox PATH/sandbox.json</c>, or <c>run --endpoint URL --cert PEM --key PEM --ca PEM
/// --agreement ID --authority KIND:CODE [--principal KIND:CODE]</c>: plays every scenario that applies to the IT system
/// against a gateway's Test environment, prints progress, optionally writes <c>--junit FILE</c> and
/// <c>--report FILE.md</c>, and exits 0 only when the gateway counts the system certified (1 otherwise, 2 for a usage
/// error).
/// </summary>
public static class ConformanceKit
{
    /// <summary>The process entry point.</summary>
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

    /// <summary>Runs one command line, writing to the given streams; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var sandbox = new Option<string>("--sandbox") { Description = "The sandbox.json a sandbox gateway wrote: endpoint, agreement, certificates", HelpName = "PATH" };
        var endpoint = new Option<Uri>("--endpoint") { Description = "The service URL, https://HOST/soap/v1/ContactCourse", HelpName = "URL" };
        var cert = new Option<string>("--cert") { Description = "The IT system's client certificate, PEM", HelpName = "PEM" };
        var key = new Option<string>("--key") { Description = "Its private key, PEM", HelpName = "PEM" };
        var ca = new Option<string>("--ca") { Description = "The CA of the gateway's server certificate, PEM", HelpName = "PEM" };
        var agreement = new Option<Guid>("--agreement") { Description = "The Test agreement the calls name", HelpName = "ID" };
        var authority = new Option<string>("--authority") { Description = "The acting authority, KIND:CODE (Municipality:101)", HelpName = "KIND:CODE" };
        var principal = new Option<string>("--principal") { Description = "For an other actor: the authority it acts for, KIND:CODE", HelpName = "KIND:CODE" };
        var junit = new Option<string>("--junit") { Description = "Write a JUnit XML report here", HelpName = "FILE" };
        var report = new Option<string>("--report") { Description = "Write a Markdown report here", HelpName = "FILE" };
        var run = new Command("run", "Play every conformance scenario against a gateway's Test environment") { sandbox, endpoint, cert, key, ca, agreement, authority, principal, junit, report };
        run.SetAction(async (parse, token) =>
        {
            KitTarget target;
            try
            {
                target = parse.GetValue(sandbox) is { } file
                    ? KitTarget.FromSandbox(file)
                    : KitTarget.FromFiles(
                        parse.GetValue(endpoint) ?? throw new ArgumentException("Give --sandbox, or --endpoint with --cert, --key, --ca, --agreement and --authority."),
                        parse.GetValue(cert) ?? throw new ArgumentException("--cert is missing."),
                        parse.GetValue(key) ?? throw new ArgumentException("--key is missing."),
                        parse.GetValue(ca) ?? throw new ArgumentException("--ca is missing."),
                        parse.GetValue(agreement) is var id && id != Guid.Empty ? id : throw new ArgumentException("--agreement is missing."),
                        parse.GetValue(authority) ?? throw new ArgumentException("--authority is missing."),
                        parse.GetValue(principal));
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException
                or System.Security.Cryptography.CryptographicException)
            {
                await stderr.WriteLineAsync(ex.Message);
                return 2;
            }

            return await RunKitAsync(target, parse.GetValue(junit), parse.GetValue(report), stdout, stderr, token);
        });
        var root = new RootCommand("The ContactCourse conformance kit: a well-behaved case system, scenario by scenario, against a gateway's Test environment") { run };
        return await root.Parse(args).InvokeAsync(cancellationToken: cancellationToken);
    }

    private static async Task<int> RunKitAsync(KitTarget target, string? junit, string? report, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var connection = new KitConnection(target);
        var kit = new KitRun(connection, stdout);
        System.Text.Json.JsonElement status;
        try
        {
            status = await kit.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is KitException or HttpRequestException or TaskCanceledException or System.ServiceModel.CommunicationException)
        {
            await stderr.WriteLineAsync($"The kit could not run against {target.Endpoint}: {ex.Message}");
            return 1;
        }

        var result = new KitReport(status, kit.Steps, started, clock.Elapsed);
        result.WriteSummary(stdout);
        if (junit is not null)
        {
            result.WriteJUnit(junit);
            await stdout.WriteLineAsync($"JUnit report: {Path.GetFullPath(junit)}");
        }

        if (report is not null)
        {
            result.WriteMarkdown(report);
            await stdout.WriteLineAsync($"Report: {Path.GetFullPath(report)}");
        }

        return result.Certified ? 0 : 1;
    }
}
