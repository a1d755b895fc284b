using System.CommandLine;
using Gateway.Certificates;
using Gateway.Cli.Execution;

namespace Gateway.Cli.CertificateAuthority;

/// <summary><c>gatewayctl ca create</c>: a new development CA: ca.pfx (+ ca.pfx.password) and ca.pem, the certificate to trust.</summary>
public static class CreateCaCommand
{
    /// <summary>The CA's name when none is given.</summary>
    public const string DefaultName = "ContactCourse Gateway Development CA";

    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var output = CertificateAuthorityGroup.OutOption("ca.pfx, ca.pfx.password and ca.pem");
        var name = new Option<string>("--name")
        {
            Description = "The CA's common name",
            HelpName = "NAME",
            CustomParser = ValueParsers.Text,
            DefaultValueFactory = _ => DefaultName,
        };
        var command = new Command("create", "Create a development CA: writes ca.pfx (+ ca.pfx.password) and ca.pem") { output, name };
        command.SetAction(parseResult =>
        {
            var run = context.Begin(parseResult);
            var folder = parseResult.GetRequiredValue(output);
            if (File.Exists(Path.Combine(folder, CertificateFolder.Ca + ".pfx")))
            {
                // Overwriting a CA would orphan every certificate it issued.
                return run.Output.Refuse($"{Path.Combine(folder, CertificateFolder.Ca + ".pfx")} exists already; choose another --out folder, or delete it first.");
            }

            using var authority = DevelopmentCertificateAuthority.Create(parseResult.GetRequiredValue(name));
            return run.Output.Result(CertificateFolder.Write(authority.Certificate, folder, CertificateFolder.Ca, withKeyPem: false), CertificateAuthorityText.Issued);
        });
        return command;
    }
}
