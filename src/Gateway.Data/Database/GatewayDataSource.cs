using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Gateway.Data.Database;

/// <summary>
/// The one source of connections to the gateway's database, for the gateway and gatewayctl alike, and the one place
/// a connection string becomes a pool: with the host's logging, a default pool size, and a description for people.
/// Nothing outside the data layer sees Npgsql: stores take this, and callers match on the data layer's failures
/// (<see cref="StoreFailures"/>).
/// </summary>
public sealed class GatewayDataSource : IAsyncDisposable
{
    /// <summary>
    /// The pool size when the connection string names none: 8-16 connections keep p99 low on a small machine
    /// (docs/performance.md); more only queue inside PostgreSQL.
    /// </summary>
    public const int DefaultMaxPoolSize = 16;

    private static readonly string[] PoolSizeKeywords = ["Maximum Pool Size", "MaxPoolSize"];
    private static readonly string[] TcpKeepaliveKeywords = ["Tcp Keepalive", "TcpKeepalive"];
    private static readonly string[] AutoPrepareKeywords = ["Max Auto Prepare", "MaxAutoPrepare"];

    /// <summary>
    /// How many statements each connection keeps prepared when the connection string names no number: the gateway runs
    /// a few dozen statements, and a prepared one skips PostgreSQL's parse and plan on every later use (docs/performance.md).
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;
    private readonly NpgsqlDataSource _dataSource;

    private GatewayDataSource(NpgsqlDataSource dataSource, string description)
    {
        _dataSource = dataSource;
        Description = description;
    }

    /// <summary>Where the database is, for people: <c>host:port/database</c>, never the password.</summary>
    public string Description { get; }

    /// <summary>
    /// A data source for <paramref name="connectionString"/>, logging through <paramref name="loggerFactory"/>. A pool size
    /// the connection string names is kept; otherwise it is <see cref="DefaultMaxPoolSize"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is not one Npgsql can read; the message says why.</exception>
    public static GatewayDataSource Create(string connectionString, ILoggerFactory? loggerFactory = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!PoolSizeKeywords.Any(named.ContainsKey))
        {
            builder.ConnectionStringBuilder.MaxPoolSize = DefaultMaxPoolSize;
        }

        // A server that vanished without closing its connections (a host lost in a failover) is noticed by the kernel's
        // keepalive instead of never; a frozen one still answers keepalives, so the callers' deadlines bound that case.
        if (!TcpKeepaliveKeywords.Any(named.ContainsKey))
        {
            builder.ConnectionStringBuilder.TcpKeepAlive = true;
        }

        if (!AutoPrepareKeywords.Any(named.ContainsKey))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return new GatewayDataSource(builder.Build(), Describe(connectionString));
    }

    /// <summary>Where a connection string points, for people: <c>host:port/database</c>.</summary>
    /// <exception cref="ArgumentException">The connection string is not one Npgsql can read.</exception>
    public static string Describe(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{settings.Host}:{settings.Port}/{settings.Database}";
    }

    /// <summary>The connection string as the pool uses it (with the default pool size applied), without its password.</summary>
    public string ConnectionString => _dataSource.ConnectionString;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    internal ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);
}
