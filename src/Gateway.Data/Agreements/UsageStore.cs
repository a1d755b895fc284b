using Dapper;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;

namespace Gateway.Data.Agreements;

/// <summary>Calls counted per agreement, operation, day and outcome (<c>agreement_usage</c>): added many counts in one round trip, read per agreement.</summary>
public sealed class UsageStore(GatewayDataSource dataSource)
{
    /// <summary>Adds <paramref name="counts"/> to what is stored.</summary>
    public Task AddAsync(IReadOnlyCollection<UsageCount> counts, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            if (counts.Count == 0)
            {
                return;
            }

            const string sql = """
                insert into agreement_usage (agreement_id, operation, day, outcome, calls)
                select * from unnest(@Agreements, @Operations, @Days, @Outcomes, @Calls)
                on conflict (agreement_id, operation, day, outcome) do update set calls = agreement_usage.calls + excluded.calls
                """;
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                Agreements = counts.Select(c => c.AgreementId).ToArray(),
                Operations = counts.Select(c => c.Operation).ToArray(),
                Days = counts.Select(c => c.Day).ToArray(),
                Outcomes = counts.Select(c => c.Outcome).ToArray(),
                Calls = counts.Select(c => c.Calls).ToArray(),
            }, cancellationToken: work));
        }, cancellationToken);

    /// <summary>An agreement's usage counts, newest day first.</summary>
    public Task<IReadOnlyList<UsageCount>> UsageAsync(Guid id, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<UsageCount>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var rows = await connection.QueryAsync<(Guid Agreement, string Operation, DateOnly Day, string Outcome, long Calls)>(new CommandDefinition(
                "select agreement_id, operation, day, outcome, calls from agreement_usage where agreement_id = @id order by day desc, operation, outcome",
                new { id }, cancellationToken: work));
            return [.. rows.Select(r => new UsageCount(r.Agreement, r.Operation, r.Day, r.Outcome, r.Calls))];
        }, cancellationToken);
}
