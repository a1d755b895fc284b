using Dapper;
using Gateway.Data.Database;

namespace Gateway.Data.Agreements;

/// <summary>The IT systems that call the gateway, each with its certificates and agreements.</summary>
public sealed class ItSystemStore(GatewayDataSource dataSource)
{
    /// <summary>Adds an IT system, recording who did, and returns its id; an existing system of that name is returned as it is.</summary>
    public Task<Guid> AddItSystemAsync(string name, string vendorCvr, string createdBy, CancellationToken cancellationToken) =>
        StoreFailures.Translate<Guid>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            return await connection.ExecuteScalarAsync<Guid>(new CommandDefinition("""
                with added as (
                    insert into it_system (id, name, vendor_cvr, created_by) values (@id, @name, @vendorCvr, @createdBy) on conflict (name) do nothing returning id
                )
                select id from added union all select id from it_system where name = @name
                limit 1
                """, new { id = Guid.CreateVersion7(), name, vendorCvr, createdBy }, cancellationToken: work));
        }, cancellationToken);

    /// <summary>The IT system with <paramref name="id"/>, or null.</summary>
    public Task<ItSystemRecord?> FindItSystemAsync(Guid id, CancellationToken cancellationToken) =>
        FindAsync("id = @id", new { id }, cancellationToken);

    /// <summary>The IT system registered under <paramref name="name"/> for the vendor <paramref name="vendorCvr"/>, or null.</summary>
    public Task<ItSystemRecord?> FindItSystemAsync(string name, string vendorCvr, CancellationToken cancellationToken) =>
        FindAsync("name = @name and vendor_cvr = @vendorCvr", new { name, vendorCvr }, cancellationToken);

    /// <summary>Every IT system.</summary>
    public Task<IReadOnlyList<ItSystemRecord>> ListItSystemsAsync(CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<ItSystemRecord>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            return [.. await connection.QueryAsync<ItSystemRecord>(new CommandDefinition(
                "select id as Id, name as Name, vendor_cvr as VendorCvr from it_system order by name", cancellationToken: work))];
        }, cancellationToken);

    private Task<ItSystemRecord?> FindAsync(string condition, object parameters, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            return await connection.QuerySingleOrDefaultAsync<ItSystemRecord>(new CommandDefinition(
                $"select id as Id, name as Name, vendor_cvr as VendorCvr from it_system where {condition}", parameters, cancellationToken: work));
        }, cancellationToken);
}
