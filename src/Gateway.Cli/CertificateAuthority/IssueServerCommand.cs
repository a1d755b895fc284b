using System.CommandLine;
using System.Net;
using Gateway.Cli.Execution;

namespace Gateway.Cli.CertificateAuthority;

/// <summary><c>gatewayctl ca issue-server</c>: a TLS server certificate for the gateway, for the given DNS names and IP addresses.</summary>
public static class IssueServerCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var ca = CertificateAuthorityGroup.CaOption();
        var dns = new Option<string[]>("--dns")
        {
            Description = "DNS names the gateway is reached by (the first is the subject's CN)",
            HelpName = "NAME",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            CustomParser = ValueParsers.CommaList,
        };
        var ip = new Option<IPAddress[]>("--ip")
        {
            Description = "IP addresses the gateway is reached by",
            HelpName = "ADDR",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = ValueParsers.Addresses,
        };
        var output = CertificateAuthorityGroup.OutOption("server.pfx, server.pfx.password, server.pem and server.key.pem");
        var command = new Command("issue-server", "Issue a server certificate: writes server.pfx (+ .password), server.pem, server.key.pem") { ca, dns, ip, output };
        command.SetAction(parseResult =>
        {
            var run = context.Begin(parseResult);
            using var authority = CertificateFolder.LoadCa(parseResult.GetRequiredValue(ca), run.Output);
            if (authority is null)
            {
                return ExitCodes.Usage;
            }

            using var certificate = authority.IssueServer(parseResult.GetRequiredValue(dns), parseResult.GetValue(ip) ?? []);
            return run.Output.Result(CertificateFolder.Write(certificate, parseResult.GetRequiredValue(output), "server", withKeyPem: true), CertificateAuthorityText.Issued);
        });
        return command;
    }
}
