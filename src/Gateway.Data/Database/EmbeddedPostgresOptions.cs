namespace Gateway.Data.Database;

/// <summary>Where and how the embedded PostgreSQL keeps its cluster.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>The folder for the cluster, its socket, log and credentials; created when missing and kept across runs.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// Whether commits must survive a crash of the machine. True for anything holding data you care about;
    /// the test suite turns it off (fsync off) because its databases are thrown away.
    /// </summary>
    public bool Durable { get; init; } = true;

    /// <summary>
    /// The default folder: <c>~/.local/share/contact-course-gateway</c>, or <c>/var/lib/contact-course-gateway</c> when run
    /// as root (the server user cannot enter root's home).
    /// </summary>
    public static string DefaultDataDirectory => Environment.IsPrivilegedProcess
        ? "/var/lib/contact-course-gateway"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "contact-course-gateway");

    /// <summary>The file in a data folder where a running embedded server's connection string is kept, for gatewayctl.</summary>
    public static string ConnectionStringFile(string dataDirectory) => Path.Combine(dataDirectory, "connection-string");

    /// <summary>The database the gateway uses inside the cluster.</summary>
    public string Database { get; init; } = "gateway";
}
