using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gateway.Data.Database;

/// <summary>
/// The data layer's meter and activity source, both named <see cref="Name"/>: the group commits' batch sizes
/// (<c>gateway.access_log.commit.entries</c>, <c>gateway.registration.commit.writes</c>) and one span per commit,
/// parented by the first caller's span and linked to the others', under which Npgsql's span of the SQL appears.
/// </summary>
public static class DataTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Gateway.Data";

    internal static readonly Meter Meter = new(Name);

    internal static readonly ActivitySource Activities = new(Name);
}
