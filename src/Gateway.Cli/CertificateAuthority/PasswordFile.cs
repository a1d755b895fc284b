using System.Security.Cryptography;

namespace Gateway.Cli.CertificateAuthority;

/// <summary>The random password of a PFX file, kept beside it as <c>NAME.pfx.password</c>, readable by its owner only.</summary>
public static class PasswordFile
{
    /// <summary>The password file's path for <paramref name="pfxPath"/>.</summary>
    public static string PathFor(string pfxPath) => pfxPath + ".password";

    /// <summary>Makes a new random password and writes it (mode 600) beside <paramref name="pfxPath"/>.</summary>
    public static string Create(string pfxPath)
    {
        var password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var path = PathFor(pfxPath);
        // Empty and private first, so that the password is never readable by others, not even for a moment.
        File.WriteAllBytes(path, []);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // One line, so that `openssl pkcs12 -passin file:NAME.pfx.password` reads it too.
        File.WriteAllText(path, password + "\n");
        return password;
    }
}
