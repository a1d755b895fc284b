using Dapper;
using Gateway.Data.Database;

namespace Gateway.Data.AccessLog;

/// <summary>Who has accessed one citizen's data, from the access log (domain.md § 6).</summary>
public sealed class CitizenAccessLog(GatewayDataSource dataSource)
{
    /// <summary>Every entry that names <paramref name="cpr"/>, oldest first.</summary>
    public Task<IReadOnlyList<CitizenAccess>> ReadAsync(string cpr, CancellationToken cancellationToken) =>
        StoreFailures.Translate(work => QueryAsync(cpr, work), cancellationToken);

    private async Task<IReadOnlyList<CitizenAccess>> QueryAsync(string cpr, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Authorities as text rather than parsed: an audit must show any row, even one the gateway would not write.
        // The join is left so that an entry of a system since removed is still shown. Served by access_log_cpr_idx.
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            select e.id as Id, e.recorded_at as RecordedAt, e.operation as Operation, e.outcome as Outcome, e.agreement_id as AgreementId,
                   e.it_system_id as ItSystemId, i.name as ItSystemName, e.authority_kind || ':' || e.authority_code as Authority,
                   case when e.principal_kind is not null then e.principal_kind || ':' || e.principal_code end as Principal,
                   e.case_worker_id as CaseWorkerId, e.call_id as CallId, e.registration_id as RegistrationId
              from access_log e left join it_system i on i.id = e.it_system_id
             where e.cpr = @cpr
             order by e.recorded_at, e.id
            """, new { cpr }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new CitizenAccess(
            r.Id, new DateTimeOffset(DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc)), r.Operation, r.Outcome, r.AgreementId, r.ItSystemId,
            r.ItSystemName, r.Authority, r.Principal, r.CaseWorkerId, r.CallId, r.RegistrationId))];
    }

    private sealed class Row
    {
        public long Id { get; init; }

        public DateTime RecordedAt { get; init; }

        public string Operation { get; init; } = "";

        public string Outcome { get; init; } = "";

        public Guid AgreementId { get; init; }

        public Guid ItSystemId { get; init; }

        public string? ItSystemName { get; init; }

        public string Authority { get; init; } = "";

        public string? Principal { get; init; }

        public string CaseWorkerId { get; init; } = "";

        public string CallId { get; init; } = "";

        public Guid? RegistrationId { get; init; }
    }
}
