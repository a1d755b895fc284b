using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Database;
using Gateway.Domain.Identifiers;

namespace Gateway.Data.Agreements;

/// <summary>The authorities (municipalities, Employment Service units, other actors) that agreements are made with.</summary>
public sealed class AuthorityStore(GatewayDataSource dataSource)
{
    /// <summary>Adds an authority, recording who did; false when one with that kind and code exists already.</summary>
    public Task<bool> AddAuthorityAsync(AuthorityId authority, string name, string createdBy, CancellationToken cancellationToken) =>
        StoreFailures.Translate<bool>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            return await connection.ExecuteAsync(new CommandDefinition(
                "insert into authority (kind, code, name, created_by) values (@Kind, @Code, @name, @createdBy) on conflict do nothing",
                new { Kind = authority.Kind.ToString(), authority.Code, name, createdBy }, cancellationToken: work)) == 1;
        }, cancellationToken);

    /// <summary>Every authority.</summary>
    /// <summary>Whether <paramref name="authority"/> is in the register.</summary>
    public Task<bool> ExistsAsync(AuthorityId authority, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from authority where kind = @kind and code = @code)",
                new { kind = authority.Kind.ToString(), code = authority.Code }, cancellationToken: work));
        }, cancellationToken);

    public Task<IReadOnlyList<AuthorityRecord>> ListAuthoritiesAsync(CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<AuthorityRecord>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var rows = await connection.QueryAsync<(string Kind, string Code, string Name)>(new CommandDefinition(
                "select kind, code, name from authority order by kind, code", cancellationToken: work));
            return [.. rows.Select(r => new AuthorityRecord(new AuthorityId(Enum.Parse<AuthorityKind>(r.Kind), r.Code), r.Name))];
        }, cancellationToken);
}
