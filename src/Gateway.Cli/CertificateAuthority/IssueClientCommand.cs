using System.CommandLine;
using Gateway.Cli.Execution;

namespace Gateway.Cli.CertificateAuthority;

/// <summary><c>gatewayctl ca issue-client</c>: a TLS client certificate for an IT system; register client.pem with <c>gatewayctl certificates add</c>.</summary>
public static class IssueClientCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var ca = CertificateAuthorityGroup.CaOption();
        var name = new Option<string>("--name") { Description = "The subject's common name, for example the IT system's name", HelpName = "CN", Required = true, CustomParser = ValueParsers.Text };
        var output = CertificateAuthorityGroup.OutOption("client.pfx, client.pfx.password, client.pem and client.key.pem");
        var days = new Option<int>("--days")
        {
            Description = "Days of validity (never beyond the CA's own end)",
            HelpName = "N",
            CustomParser = ValueParsers.Positive,
            DefaultValueFactory = _ => 730,
        };
        var command = new Command("issue-client", "Issue a client certificate: writes client.pfx (+ .password), client.pem, client.key.pem") { ca, name, output, days };
        command.SetAction(parseResult =>
        {
            var run = context.Begin(parseResult);
            using var authority = CertificateFolder.LoadCa(parseResult.GetRequiredValue(ca), run.Output);
            if (authority is null)
            {
                return ExitCodes.Usage;
            }

            using var certificate = authority.IssueClient(parseResult.GetRequiredValue(name), notAfter: DateTimeOffset.UtcNow.AddDays(parseResult.GetValue(days)));
            var issued = CertificateFolder.Write(certificate, parseResult.GetRequiredValue(output), "client", withKeyPem: true);
            run.Output.Note($"Register it for an IT system with `gatewayctl certificates add --system ID --file {issued.Files[2]}`.");
            return run.Output.Result(issued, CertificateAuthorityText.Issued);
        });
        return command;
    }
}
