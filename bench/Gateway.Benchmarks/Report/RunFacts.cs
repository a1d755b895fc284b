using Gateway.Benchmarks.Sealing;

namespace Gateway.Benchmarks.Report;

/// <summary>What the notes under a run's tables explain besides the figures: how the later gateway scenarios were prepared, and the sealer.</summary>
internal sealed record RunFacts
{
    /// <summary>Registrations prepared for CorrectInterview (before its warm-up, not measured).</summary>
    public int RegistrationsToCorrect { get; init; }

    /// <summary>Of those, the ones registered for it (the rest came from the RegisterInterview scenario).</summary>
    public int RegisteredToCorrect { get; init; }

    /// <summary>Versions in the authority's feed while ListRegistrations was measured.</summary>
    public long FeedVersions { get; init; }

    /// <summary>The access-log entries each gateway scenario wrote.</summary>
    public IReadOnlyList<AccessLogWrites> AccessLogWrites { get; init; } = [];

    /// <summary>What the gateway exported over OTLP (<c>--otlp</c>) and how it was scraped (<c>--scrape</c>), in words; null for neither.</summary>
    public string? Telemetry { get; init; }

    /// <summary>The timed sealer pass; null when the run did not get that far.</summary>
    public SealerResult? Sealer { get; init; }
}
