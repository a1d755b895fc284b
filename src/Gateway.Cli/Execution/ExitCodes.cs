namespace Gateway.Cli.Execution;

/// <summary>What gatewayctl's exit code tells a script.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>
    /// Refused or failed: an impossible status change, an unknown id, a request the domain rejects, or a database that
    /// cannot be reached. Nothing was changed; standard error says why and what to do.
    /// </summary>
    public const int Refused = 1;

    /// <summary>The command line itself is wrong (unknown command, missing or malformed option, no connection string).</summary>
    public const int Usage = 2;
}
