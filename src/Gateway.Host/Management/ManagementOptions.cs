namespace Gateway.Host.Management;

/// <summary>
/// The management listener and the thresholds of its readiness checks (configuration section
/// <c>Gateway:Management</c>). The listener is a server of its own, apart from the SOAP endpoint: plain HTTP on
/// loopback by default, for probes and metrics scrapers on the same machine or network segment.
/// </summary>
public sealed class ManagementOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:Management";

    /// <summary>Where the management listener listens; empty to have none. Default <c>http://127.0.0.1:5090</c>.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5090";

    /// <summary>How long one readiness evaluation is reused, so that probes cannot load the database. Default 2 seconds.</summary>
    public double CacheSeconds { get; set; } = 2;

    /// <summary>How long one check may take before it counts as failed. Default 3 seconds.</summary>
    public double CheckTimeoutSeconds { get; set; } = 3;

    /// <summary>The sealer's lag (age of the oldest unsealed access-log entry) that makes the gateway Degraded. Default 30 seconds.</summary>
    public double SealerLagDegradedSeconds { get; set; } = 30;

    /// <summary>The sealer's lag that makes it Unhealthy. Default 600 seconds.</summary>
    public double SealerLagUnhealthySeconds { get; set; } = 600;

    /// <summary>The age of the oldest open transaction that makes the gateway Degraded. Default 60 seconds.</summary>
    public double OldestTransactionDegradedSeconds { get; set; } = 60;

    /// <summary>The age of the oldest open transaction that makes it Unhealthy. Default 600 seconds.</summary>
    public double OldestTransactionUnhealthySeconds { get; set; } = 600;

    /// <summary>Days before a server or CA certificate expires from which the gateway is Degraded. Default 30.</summary>
    public double CertificateDegradedDays { get; set; } = 30;
}
