using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Gateway.Benchmarks.Supervision;

/// <summary>
/// Grows the data basis to a number of registrations by adding citizens (each with their whole course over the three
/// years), so that every size has the same shape and a citizen seeded for a smaller size is still there at a larger one.
/// The citizens added are generated, their registrations sorted by the time they were received, and loaded
/// (<see cref="SeedLoader"/>); then the tables are vacuumed and analyzed, as autovacuum would leave them. The number of the
/// next citizen is kept in a file beside the cluster, so that a kept folder (--keep-data) can be grown further later.
/// </summary>
internal sealed class SupervisionSeeder(NpgsqlDataSource database, string connectionString, ScaleAuthorities authorities, CitizenCourses courses, string stateFile, TextWriter error)
{
    /// <summary>Grows the basis to at least <paramref name="registrations"/>; what it took, or null when it was that large already.</summary>
    public async Task<SeedStep?> GrowToAsync(long registrations, SeedIndexes indexes, CancellationToken cancellationToken)
    {
        var present = await ScalarAsync<long>("select count(*) from registration", cancellationToken);
        if (present >= registrations)
        {
            return null;
        }

        var firstCitizen = File.Exists(stateFile) ? int.Parse(await File.ReadAllTextAsync(stateFile, cancellationToken), CultureInfo.InvariantCulture) : 0;
        var generating = Stopwatch.StartNew();
        var list = new List<SeedRegistration>((int)Math.Min(int.MaxValue / 2, (registrations - present) + 100));
        var citizen = firstCitizen;
        while (present + list.Count < registrations)
        {
            courses.Generate(citizen++, list);
        }

        var batch = list.ToArray();
        list = null;
        var keys = Array.ConvertAll(batch, r => r.ReceivedTicks);
        Array.Sort(keys, batch);
        generating.Stop();
        error.WriteLine($"  generated {batch.Length:N0} registrations of {citizen - firstCitizen:N0} citizens in {generating.Elapsed.TotalSeconds:0.0} s; loading");

        // Checkpoints every 1 GB of WAL (the default) would write every page again in full after each; the queries measured
        // later do not depend on this setting of the benchmark's own cluster.
        await ExecuteAsync("alter system set max_wal_size = '16GB'", cancellationToken);
        await ExecuteAsync("alter system set checkpoint_timeout = '30min'", cancellationToken);
        await ExecuteAsync("select pg_reload_conf()", cancellationToken);
        var dropped = indexes == SeedIndexes.Rebuild ? await DropSecondaryIndexesAsync(cancellationToken) : [];
        // The supervision facts are made for all registrations at once after the load, as migration 0012 makes them for
        // the registrations already there (COPY notes nothing in supervision_pending).
        var progress = new SeedProgress(error, $"to {registrations:N0}", batch.Length);
        var versions = await new SeedLoader(connectionString, authorities).LoadAsync(batch, progress, cancellationToken);
        progress.Finish();
        var loadSeconds = progress.Seconds;

        error.WriteLine("  supervision facts: supervision_fact_rebuild()");
        var making = Stopwatch.StartNew();
        await ExecuteAsync("select supervision_fact_rebuild()", cancellationToken);
        making.Stop();

        var indexing = Stopwatch.StartNew();
        foreach (var definition in dropped)
        {
            error.WriteLine($"  {definition}");
            await ExecuteAsync($"set maintenance_work_mem = '1GB'; {definition}", cancellationToken);
        }

        indexing.Stop();
        await File.WriteAllTextAsync(stateFile, citizen.ToString(CultureInfo.InvariantCulture), cancellationToken);

        error.WriteLine("  vacuum analyze (as autovacuum would after the inserts)");
        var vacuuming = Stopwatch.StartNew();
        await ExecuteAsync("vacuum (analyze) registration, registration_version, access_log, supervision_fact", cancellationToken);
        vacuuming.Stop();
        return new SeedStep(batch.Length, versions, citizen - firstCitizen, generating.Elapsed.TotalSeconds, loadSeconds, making.Elapsed.TotalSeconds,
            indexing.Elapsed.TotalSeconds, vacuuming.Elapsed.TotalSeconds, indexes);
    }

    // Every index of the seeded tables that no constraint needs (the primary keys stay, for the foreign keys), dropped
    // before a load and made again from its own definition after it. A load that fails leaves them dropped, which only a
    // folder kept with --keep-data would notice.
    private async Task<List<string>> DropSecondaryIndexesAsync(CancellationToken cancellationToken)
    {
        var definitions = new List<(string Name, string Definition)>();
        await using (var read = database.CreateCommand("""
            select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            from pg_index i
            where i.indrelid in ('registration'::regclass, 'registration_version'::regclass, 'access_log'::regclass, 'supervision_fact'::regclass)
              and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
            order by 1
            """))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                definitions.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in definitions)
        {
            await ExecuteAsync($"drop index {name}", cancellationToken);
        }

        return [.. definitions.Select(d => d.Definition)];
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// Whether a load keeps the indexes in place or drops the secondary ones and makes them again afterwards. Making them
/// again sorts each index once instead of inserting millions of entries at random places: 87 s instead of 170 s for the
/// growth from 10k to 1M registrations on the reference machine.
/// </summary>
internal enum SeedIndexes
{
    Keep,
    Rebuild,
}

/// <summary>What one growth step took.</summary>
internal sealed record SeedStep(
    long Registrations, long Versions, int Citizens, double GenerateSeconds, double LoadSeconds, double FactSeconds, double IndexSeconds, double VacuumSeconds,
    SeedIndexes Indexes)
{
    public double TotalSeconds => GenerateSeconds + LoadSeconds + FactSeconds + IndexSeconds + VacuumSeconds;
}
