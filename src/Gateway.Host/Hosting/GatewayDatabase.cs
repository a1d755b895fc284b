using Gateway.Data.Database;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Gateway.Host.Hosting;

/// <summary>
/// Which PostgreSQL the gateway uses: the one named by <c>ConnectionStrings:Gateway</c>, or, when none is
/// configured, the embedded one it starts from the machine's PostgreSQL programs and stops on shutdown.
/// </summary>
internal sealed partial class GatewayDatabase(IConfiguration configuration, IOptions<GatewayOptions> options, ILogger<GatewayDatabase> logger) : IAsyncDisposable
{
    /// <summary>The configuration key of the connection string (environment variable <c>ConnectionStrings__Gateway</c>).</summary>
    public const string ConnectionStringKey = "ConnectionStrings:Gateway";

    private EmbeddedPostgres? _embedded;
    private string? _connectionString;

    /// <summary>The connection string, once <see cref="PrepareAsync"/> has run.</summary>
    public string ConnectionString => _connectionString
        ?? throw new InvalidOperationException("The database is not prepared yet; call PrepareGatewayAsync before serving.");

    /// <summary>A description for people: the embedded data folder, or the configured server.</summary>
    public string Description { get; private set; } = "";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is not null)
        {
            return;
        }

        var configured = configuration[ConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            _connectionString = configured;
            Description = $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}";
            return;
        }

        var folder = options.Value.EmbeddedDatabase.ResolvedDataDirectory;
        EmbeddedStarting(folder);
        _embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = folder }, cancellationToken);
        // 8-16 connections keep p99 low on a small machine (docs/performance.md); more only queue in PostgreSQL.
        _connectionString = new NpgsqlConnectionStringBuilder(_embedded.ConnectionString) { MaxPoolSize = 16 }.ConnectionString;
        Description = $"embedded PostgreSQL, data in {folder}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
            EmbeddedStopped();
        }
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "No connection string configured (ConnectionStrings:Gateway); starting the embedded PostgreSQL with its data in {Folder}")]
    private partial void EmbeddedStarting(string folder);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Embedded PostgreSQL stopped")]
    private partial void EmbeddedStopped();
}
