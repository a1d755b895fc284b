using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// HTTP/1.1 over TLS written byte by byte, for what HttpClient will not send: paths it would normalise, methods in
/// lower case, broken chunking, codings. Reads the answer until the server closes or the bound passes.
/// </summary>
public static class RawHttps
{
    /// <summary>Sends <paramref name="request"/> as written and returns the whole answer as text.</summary>
    public static async Task<string> SendAsync(TestGateway gateway, byte[] request, X509Certificate2? certificate = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(gateway.BaseAddress.Host, gateway.BaseAddress.Port);
        await using var tls = await ConnectAsync(tcp, certificate, [SslApplicationProtocol.Http11]);
        await tls.WriteAsync(request);
        await tls.FlushAsync();

        // The bound only ends a broken run; the gateway answers and closes, or answers and waits for the next request.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answer = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (await tls.ReadAsync(buffer, bound.Token) is var read and > 0)
            {
                answer.Write(buffer, 0, read);
                if (Complete(answer.ToArray()))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering.
        }

        return Encoding.UTF8.GetString(answer.ToArray());
    }

    /// <summary>Sends a request line, headers and body.</summary>
    public static Task<string> SendAsync(TestGateway gateway, string head, string body = "", X509Certificate2? certificate = null) =>
        SendAsync(gateway, Encoding.UTF8.GetBytes(head + "\r\n\r\n" + body), certificate);

    /// <summary>A TLS connection offering <paramref name="protocols"/> by ALPN, with an optional client certificate.</summary>
    public static async Task<SslStream> ConnectAsync(TcpClient tcp, X509Certificate2? certificate, List<SslApplicationProtocol> protocols)
    {
        var tls = new SslStream(tcp.GetStream(), false, (_, server, _, _) => TestPki.TrustsServer(server as X509Certificate2));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ApplicationProtocols = protocols,
            ClientCertificateContext = certificate is null ? null : SslStreamCertificateContext.Create(certificate, null, offline: true),
        });
        return tls;
    }

    // An answer with Content-Length is complete when that many body bytes follow the blank line.
    private static bool Complete(byte[] answer)
    {
        var text = Encoding.ASCII.GetString(answer);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var length = text[..end].Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is not null && answer.Length - (end + 4) >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
