using Dapper;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Npgsql;

namespace Gateway.Data.Agreements;

/// <summary>Adds counted calls to <c>agreement_usage</c>, many counts in one round trip.</summary>
public sealed class UsageStore(NpgsqlDataSource dataSource)
{
    /// <summary>Adds <paramref name="counts"/> to what is stored.</summary>
    public Task AddAsync(IReadOnlyCollection<UsageCount> counts, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async () =>
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
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                Agreements = counts.Select(c => c.AgreementId).ToArray(),
                Operations = counts.Select(c => c.Operation).ToArray(),
                Days = counts.Select(c => c.Day).ToArray(),
                Outcomes = counts.Select(c => c.Outcome).ToArray(),
                Calls = counts.Select(c => c.Calls).ToArray(),
            }, cancellationToken: cancellationToken));
        });
}
