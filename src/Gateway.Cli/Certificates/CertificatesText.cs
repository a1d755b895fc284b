using Gateway.Cli.Output;
using Gateway.Domain.Agreements;

namespace Gateway.Cli.Certificates;

/// <summary>The <c>certificates</c> commands' results as people read them; <c>--json</c> bypasses this.</summary>
public static class CertificatesText
{
    /// <summary><c>certificates add</c>.</summary>
    public static void Certificate(TextWriter writer, RegisteredCertificate certificate) => HumanText.Fields(writer,
        ("Thumbprint", certificate.Thumbprint),
        ("Subject", certificate.Subject),
        ("Valid", $"{HumanText.Time(certificate.NotBefore)} to {HumanText.Time(certificate.NotAfter)}"),
        ("IT system", certificate.ItSystemId.ToString()),
        ("State", State(certificate)));

    /// <summary><c>certificates revoke</c>.</summary>
    public static void CertificateRevoked(TextWriter writer, RegisteredCertificate certificate) =>
        writer.WriteLine($"Revoked certificate {certificate.Thumbprint} ({PrintableText.Escape(certificate.Subject)}); the gateway refuses it from its next call on.");

    /// <summary><c>certificates list</c>.</summary>
    public static void Certificates(TextWriter writer, IReadOnlyList<RegisteredCertificate> certificates)
    {
        var table = new TextTable("THUMBPRINT", "IT SYSTEM", "NOT BEFORE", "NOT AFTER", "STATE", "SUBJECT");
        foreach (var c in certificates)
        {
            table.Add(c.Thumbprint, c.ItSystemId.ToString(), HumanText.Time(c.NotBefore), HumanText.Time(c.NotAfter), State(c), c.Subject);
        }

        table.WriteTo(writer, "No certificates; register one with `gatewayctl certificates add`.");
    }

    private static string State(RegisteredCertificate certificate) =>
        certificate.Revoked ? "revoked" : certificate.NotAfter < DateTimeOffset.UtcNow ? "expired" : certificate.NotBefore > DateTimeOffset.UtcNow ? "not yet valid" : "valid";
}
