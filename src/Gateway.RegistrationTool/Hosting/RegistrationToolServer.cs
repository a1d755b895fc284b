using System.Text.Encodings.Web;
using System.Text.Unicode;
using Gateway.Data.Agreements;
using Gateway.Data.Registrations;
using Gateway.Domain.Calendar;
using Gateway.Domain.Registrations;
using Gateway.Domain.Supervision;
using Gateway.RegistrationTool.Session;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Gateway.RegistrationTool.Hosting;

/// <summary>
/// The registration tool's listener: a Kestrel server of its own on <see cref="RegistrationToolOptions.Url"/>, serving
/// the tool's pages over HTTPS with the gateway's server certificate and asking every browser for a client certificate.
/// Its pages call the gateway's own domain operations and stores (handed over from the gateway's services, not copies),
/// so a registration made here is made exactly as one made through the web services, apart from its channel. With no
/// URL configured, there is no tool.
/// </summary>
public sealed partial class RegistrationToolServer(
    IServiceProvider gateway, IOptions<RegistrationToolOptions> options, ILoggerFactory loggerFactory, ILogger<RegistrationToolServer> logger) : IHostedService, IAsyncDisposable
{
    // The gateway's singletons the pages use: the same instances, so the same write queue, caches and access log.
    private static readonly Type[] Forwarded =
    [
        typeof(RegisterInterview), typeof(CorrectInterview), typeof(CancelInterview), typeof(GetInterview), typeof(GetContactCourse),
        typeof(ListOverdueCitizens), typeof(CaseWorkerStore), typeof(AgreementStore), typeof(RegistrationStore), typeof(DanishCalendar),
        typeof(TimeProvider),
    ];

    private WebApplication? _app;

    /// <summary>The addresses it listens on once started (a port 0 in the configuration is resolved here).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Url))
        {
            return;
        }

        // Asked for only now: without a server certificate there is no listener to give, and no tool to start.
        var listener = gateway.GetRequiredService<ToolListener>();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(RegistrationToolServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        foreach (var type in Forwarded)
        {
            builder.Services.AddSingleton(type, gateway.GetRequiredService(type));
        }

        builder.Services.AddSingleton(listener);
        builder.Services.AddSingleton(options);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls(settings.Url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 256 * 1024;
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http1);
            kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ServerCertificate = listener.ServerCertificate;
                // The browser is asked for a certificate; one it has not, or one not trusted, gets the sign-in page's
                // explanation rather than a broken handshake.
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.ClientCertificateValidation = static (_, _, _) => true;
                https.OnAuthenticate = (_, ssl) => ssl.CertificateChainPolicy = listener.ChainPolicy();
            });
        });
        ConfigureServices(builder.Services, settings);
        _app = builder.Build();
        Configure(_app);
        await _app.StartAsync(cancellationToken);
        Addresses = [.. _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
        Listening(Addresses);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static void ConfigureServices(IServiceCollection services, RegistrationToolOptions settings)
    {
        // Keys live in memory: a restart ends every session (signing in again is one click with the certificate), and
        // no key file lies on disk. With several instances, the tool needs sticky sessions (docs/operators.md).
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAuthentication(SessionClaims.Scheme).AddCookie(SessionClaims.Scheme, cookie =>
        {
            cookie.Cookie.Name = "__Host-session";
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.Path = "/";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(settings.IdleMinutes);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/logind";
            cookie.LogoutPath = "/logud";
            cookie.AccessDeniedPath = "/logind";
            // A path, not an address built from the Host header the request came with.
            cookie.Events.OnRedirectToLogin = redirect =>
            {
                redirect.Response.Redirect(new Uri(redirect.RedirectUri, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : redirect.RedirectUri);
                return Task.CompletedTask;
            };
        });
        // The largest honest form has a few hundred fields of at most 4000 characters: anything beyond is refused (400).
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
        {
            form.ValueCountLimit = 500;
            form.ValueLengthLimit = 16 * 1024;
            form.KeyLengthLimit = 256;
        });
        services.AddAuthorization();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "__Host-antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.FormFieldName = "__token";
        });
        // Danish letters written as they are, not as character references: the page is UTF-8.
        services.Configure<WebEncoderOptions>(encoder => encoder.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/");
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Error");
            pages.Conventions.AllowAnonymousToPage("/Language");
        }).AddApplicationPart(typeof(RegistrationToolServer).Assembly);
    }

    private static void Configure(WebApplication app)
    {
        app.Use(SecurityHeaders);
        app.UseExceptionHandler("/fejl");
        app.UseStatusCodePagesWithReExecute("/fejl", "?status={0}");
        app.MapGet("/tool.css", ToolAssets.Stylesheet).AllowAnonymous();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CaseWorkerSession>();
        app.MapRazorPages();
    }

    // Nothing from elsewhere, no framing, no caching of pages that show personal data, no referrer that carries a path.
    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        // HSTS is per host, whatever the port: on localhost it would force HTTPS on every other local site of the
        // developer's browser for a year, so it is sent for real host names only.
        if (http.Request.Host.Host is not ("localhost" or "127.0.0.1" or "[::1]"))
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }
        return next();
    }

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Registration tool on {Addresses}")]
    private partial void Listening(IReadOnlyList<string> addresses);
}
