using System.CommandLine;
using Gateway.Cli.Execution;

namespace Gateway.Cli.CertificateAuthority;

/// <summary><c>gatewayctl ca</c>: a development certificate authority for test environments and the sandbox, never for production.</summary>
public static class CertificateAuthorityGroup
{
    /// <summary>The command group.</summary>
    public static Command Create(CliContext context) =>
        new("ca", "A development certificate authority for test environments (never for production)")
        {
            CreateCaCommand.Create(context),
            IssueServerCommand.Create(context),
            IssueClientCommand.Create(context),
        };

    /// <summary>The <c>--out DIR</c> option.</summary>
    public static Option<string> OutOption(string what) => new("--out")
    {
        Description = $"The folder to write {what} to (created when missing)",
        HelpName = "DIR",
        Required = true,
        CustomParser = ValueParsers.Text,
    };

    /// <summary>The <c>--ca DIR</c> option.</summary>
    public static Option<string> CaOption() => new("--ca")
    {
        Description = "The folder `gatewayctl ca create` wrote (ca.pfx and ca.pfx.password), or a sandbox's folder",
        HelpName = "DIR",
        Required = true,
        CustomParser = ValueParsers.Text,
    };
}
