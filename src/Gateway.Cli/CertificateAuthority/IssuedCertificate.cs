namespace Gateway.Cli.CertificateAuthority;

/// <summary>A certificate the development CA wrote, and where.</summary>
/// <param name="Subject">Its subject.</param>
/// <param name="Thumbprint">SHA-256 thumbprint, as the gateway registers it.</param>
/// <param name="NotBefore">Start of validity.</param>
/// <param name="NotAfter">End of validity.</param>
/// <param name="Files">The files written, full paths.</param>
public sealed record IssuedCertificate(string Subject, string Thumbprint, DateTimeOffset NotBefore, DateTimeOffset NotAfter, IReadOnlyList<string> Files);
