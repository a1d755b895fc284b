using System.CommandLine;
using Gateway.Cli.Execution;

namespace Gateway.Cli.Certificates;

/// <summary><c>gatewayctl certificates</c>: the client certificates IT systems call with.</summary>
public static class CertificatesGroup
{
    /// <summary>The command group.</summary>
    public static Command Create(CliContext context) =>
        new("certificates", "Client certificates of IT systems")
        {
            AddCertificateCommand.Create(context),
            ListCertificatesCommand.Create(context),
            RevokeCertificateCommand.Create(context),
        };
}
