using Gateway.Data.AccessLog;

namespace Gateway.Cli.Audit;

/// <summary>What <c>gatewayctl audit show --cpr</c> reports: the citizen, masked, and every access to their data, oldest first.</summary>
/// <param name="Cpr">The CPR number masked (<c>010190-xxxx</c>): the report is often passed on, the full number never is.</param>
/// <param name="Entries">The accesses.</param>
public sealed record CitizenAccessReport(string Cpr, IReadOnlyList<CitizenAccess> Entries);
