namespace Gateway.Host.Hosting;

/// <summary>The embedded PostgreSQL (configuration section <c>Gateway:EmbeddedDatabase</c>).</summary>
public sealed class EmbeddedDatabaseOptions
{
    /// <summary>
    /// Where the embedded cluster keeps its data across runs. Default <c>~/.local/share/contact-course-gateway</c>,
    /// or <c>/var/lib/contact-course-gateway</c> when run as root (the server user cannot enter root's home).
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>The folder actually used.</summary>
    public string ResolvedDataDirectory => DataDirectory ?? Gateway.Data.Database.EmbeddedPostgresOptions.DefaultDataDirectory;
}
