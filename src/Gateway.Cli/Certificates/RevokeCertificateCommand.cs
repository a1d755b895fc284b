using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Cli.Output;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Certificates;

/// <summary><c>gatewayctl certificates revoke</c>: calls with the certificate are refused from the gateway's next call on.</summary>
public static class RevokeCertificateCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var thumbprint = new Option<string>("--thumbprint")
        {
            Description = "The certificate's SHA-256 thumbprint (`gatewayctl certificates list`)",
            HelpName = "SHA256HEX",
            Required = true,
            CustomParser = ValueParsers.Thumbprint,
        };
        var reason = new Option<string>("--reason") { Description = "Why, recorded with the revocation", HelpName = "TEXT", Required = true, CustomParser = ValueParsers.Reason };
        var command = new Command("revoke", "Revoke a certificate") { thumbprint, reason };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var value = parseResult.GetRequiredValue(thumbprint);
            return run.WithDatabaseAsync(async dataSource =>
            {
                var store = new CertificateStore(dataSource);
                var revoked = await store.RevokeCertificateAsync(value, run.Operator, parseResult.GetRequiredValue(reason), cancellationToken);
                var certificate = (await store.ListCertificatesAsync(null, cancellationToken)).FirstOrDefault(c => c.Thumbprint == value);
                if (revoked && certificate is not null)
                {
                    return run.Output.Result(certificate, CertificatesText.CertificateRevoked);
                }

                return run.Output.Refuse(certificate is null
                    ? $"No certificate with thumbprint {value}; `gatewayctl certificates list` shows the registered ones."
                    : $"Certificate {value} ({PrintableText.Escape(certificate.Subject)}) is revoked already; nothing changed.");
            });
        });
        return command;
    }
}
