using Gateway.Data.Database;
using Microsoft.Extensions.Options;

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
    private bool _restarting;

    /// <summary>The connection string, once <see cref="PrepareAsync"/> has run.</summary>
    public string ConnectionString => _connectionString
        ?? throw new InvalidOperationException("The database is not prepared yet; call PrepareGatewayAsync before serving.");

    /// <summary>Whether the embedded PostgreSQL's server process runs; null with an external database (or before it is prepared).</summary>
    public bool? EmbeddedRunning => _embedded?.IsRunning;

    /// <summary>The embedded PostgreSQL, when the gateway started one (for tests that fault it).</summary>
    internal EmbeddedPostgres? Embedded => _embedded;

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
            try
            {
                Description = "PostgreSQL at " + GatewayDataSource.Describe(configured);
            }
            catch (ArgumentException ex)
            {
                throw new GatewayConfigurationException($"{ConnectionStringKey} is not a connection string PostgreSQL's client can read: {ex.Message}");
            }

            _connectionString = configured;
            return;
        }

        var folder = options.Value.EmbeddedDatabase.ResolvedDataDirectory;
        EmbeddedStarting(folder);
        _embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = folder }, cancellationToken);
        _connectionString = _embedded.ConnectionString;
        Description = $"embedded PostgreSQL, data in {folder}";
    }

    /// <summary>
    /// Starts the embedded PostgreSQL again when its server process has died (event 103, Warning, once per death; then 104
    /// once it runs): true when it had to. One caller at a time (the database watch). False with an external database, or when it runs.
    /// </summary>
    /// <exception cref="EmbeddedDatabaseException">It did not start (yet); the caller tries again.</exception>
    public async Task<bool> RestartEmbeddedIfDeadAsync(CancellationToken cancellationToken)
    {
        if (_embedded is not { IsRunning: false } embedded)
        {
            return false;
        }

        if (!_restarting)
        {
            _restarting = true;
            EmbeddedDied();
        }

        await embedded.RestartAsync(cancellationToken);
        _restarting = false;
        EmbeddedRestarted();
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
        {
            if (await _embedded.StopAsync())
            {
                EmbeddedStopped();
            }
            else
            {
                EmbeddedLeftRunning();
            }
        }
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "No connection string configured (ConnectionStrings:Gateway); starting the embedded PostgreSQL with its data in {Folder}")]
    private partial void EmbeddedStarting(string folder);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Embedded PostgreSQL stopped")]
    private partial void EmbeddedStopped();

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "The embedded PostgreSQL did not stop within 10 s (it does not answer); it is left running, and the next start on its folder stops it")]
    private partial void EmbeddedLeftRunning();

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "The embedded PostgreSQL is not running any more; starting it again")]
    private partial void EmbeddedDied();

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "The embedded PostgreSQL runs again")]
    private partial void EmbeddedRestarted();
}
