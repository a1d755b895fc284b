using Gateway.Cli.Output;

namespace Gateway.Cli.CertificateAuthority;

/// <summary>The <c>ca</c> commands' results as people read them; <c>--json</c> bypasses this.</summary>
public static class CertificateAuthorityText
{
    /// <summary><c>ca create|issue-server|issue-client</c>.</summary>
    public static void Issued(TextWriter writer, IssuedCertificate issued)
    {
        HumanText.Fields(writer,
            ("Subject", issued.Subject),
            ("Thumbprint", issued.Thumbprint),
            ("Valid", $"{HumanText.Time(issued.NotBefore)} to {HumanText.Time(issued.NotAfter)}"));
        writer.WriteLine("Wrote:");
        foreach (var file in issued.Files)
        {
            writer.WriteLine("  " + file);
        }
    }
}
