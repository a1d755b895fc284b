using System.Collections.Concurrent;
using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;
using Npgsql;
using NpgsqlTypes;

namespace Gateway.Benchmarks.Supervision;

/// <summary>
/// Loads seeded registrations with binary COPY, in the order they were received, in chunks of one transaction each:
/// the <c>registration</c> rows, then their <c>registration_version</c> rows, then one <c>access_log</c> entry per
/// version, as the gateway's writes leave them (the acting authority, the principal when an other actor acted, the
/// operation, the citizen, the registration, outcome Ok). One thread makes the rows (items JSON included) while two
/// connections copy the chunks made before, so that PostgreSQL, which does most of the work, has both cores. COPY is an
/// insert: the append-only triggers, which refuse UPDATE, DELETE and TRUNCATE, stay as they are, and every index and
/// foreign key is maintained as on a real write.
/// </summary>
internal sealed class SeedLoader(string connectionString, ScaleAuthorities authorities)
{
    private const int ChunkSize = 20_000;
    private const int Copiers = 2;

    private const string RegistrationCopy =
        "copy registration (id, cpr, responsible_kind, responsible_code, other_actor_cvr, registered_at) from stdin (format binary)";

    private const string VersionCopy = """
        copy registration_version (registration_id, version, case_type, held_on, match_category, next_contact_on, late, case_worker_id,
            received_at, items, agreement_id, call_id, change, reason, request_id, responsible_kind, responsible_code, other_actor_cvr, channel)
        from stdin (format binary)
        """;

    private const string AccessCopy = """
        copy access_log (recorded_at, agreement_id, it_system_id, authority_kind, authority_code, principal_kind, principal_code,
            case_worker_id, call_id, operation, cpr, registration_id, outcome)
        from stdin (format binary)
        """;

    /// <summary>Loads <paramref name="registrations"/> (sorted by receipt); returns the versions written.</summary>
    public async Task<long> LoadAsync(SeedRegistration[] registrations, SeedProgress progress, CancellationToken cancellationToken)
    {
        using var chunks = new BlockingCollection<List<SeededRows>>(boundedCapacity: 2 * Copiers);
        // A failing copier stops the others and the maker, which would otherwise wait for each other for ever.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var making = Task.Factory.StartNew(() => Make(registrations, chunks, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var copying = Enumerable.Range(0, Copiers).Select(_ => Task.Factory.StartNew(() =>
        {
            try
            {
                return Copy(chunks, progress, stop.Token);
            }
            catch
            {
                stop.Cancel();
                throw;
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();

        await Task.WhenAll(copying.Append(making).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        // The first real failure, rather than the cancellations it caused.
        if (copying.Append(making).Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return copying.Sum(t => t.Result);
    }

    private void Make(SeedRegistration[] registrations, BlockingCollection<List<SeededRows>> chunks, CancellationToken cancellationToken)
    {
        try
        {
            for (var start = 0; start < registrations.Length; start += ChunkSize)
            {
                var chunk = new List<SeededRows>(ChunkSize);
                for (var i = start; i < Math.Min(start + ChunkSize, registrations.Length); i++)
                {
                    chunk.Add(Rows(registrations[i]));
                }

                chunks.Add(chunk, cancellationToken);
            }
        }
        finally
        {
            chunks.CompleteAdding();
        }
    }

    private long Copy(BlockingCollection<List<SeededRows>> chunks, SeedProgress progress, CancellationToken cancellationToken)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var versions = 0L;
        foreach (var chunk in chunks.GetConsumingEnumerable(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            using (var writer = connection.BeginBinaryImport(RegistrationCopy))
            {
                foreach (var r in chunk)
                {
                    writer.StartRow();
                    writer.Write(r.Id, NpgsqlDbType.Uuid);
                    writer.Write(r.Cpr, NpgsqlDbType.Text);
                    writer.Write(r.Responsible.Kind, NpgsqlDbType.Text);
                    writer.Write(r.Responsible.Authority.Code, NpgsqlDbType.Text);
                    WriteNullable(writer, r.Actor?.Authority.Code);
                    writer.Write(r.Versions[0].ReceivedAt, NpgsqlDbType.TimestampTz);
                }

                writer.Complete();
            }

            var rows = 0;
            using (var writer = connection.BeginBinaryImport(VersionCopy))
            {
                foreach (var r in chunk)
                {
                    foreach (var v in r.Versions)
                    {
                        writer.StartRow();
                        writer.Write(r.Id, NpgsqlDbType.Uuid);
                        writer.Write(v.Version, NpgsqlDbType.Integer);
                        writer.Write(v.CaseType, NpgsqlDbType.Text);
                        writer.Write(v.HeldOn, NpgsqlDbType.Date);
                        writer.Write(v.MatchCategory, NpgsqlDbType.Smallint);
                        if (v.NextContactOn is { } next)
                        {
                            writer.Write(next, NpgsqlDbType.Date);
                        }
                        else
                        {
                            writer.WriteNull();
                        }

                        writer.Write(v.Late, NpgsqlDbType.Boolean);
                        writer.Write(v.CaseWorkerId, NpgsqlDbType.Text);
                        writer.Write(v.ReceivedAt, NpgsqlDbType.TimestampTz);
                        writer.Write(v.Items, NpgsqlDbType.Jsonb);
                        writer.Write(r.AgreementId, NpgsqlDbType.Uuid);
                        writer.Write(v.CallId, NpgsqlDbType.Text);
                        writer.Write(v.Change, NpgsqlDbType.Text);
                        WriteNullable(writer, v.Reason);
                        writer.Write(v.RequestId, NpgsqlDbType.Text);
                        writer.Write(r.Responsible.Kind, NpgsqlDbType.Text);
                        writer.Write(r.Responsible.Authority.Code, NpgsqlDbType.Text);
                        WriteNullable(writer, r.Actor?.Authority.Code);
                        writer.Write(nameof(RegistrationChannel.WebServices), NpgsqlDbType.Text);
                        rows++;
                    }
                }

                writer.Complete();
            }

            using (var writer = connection.BeginBinaryImport(AccessCopy))
            {
                foreach (var r in chunk)
                {
                    foreach (var v in r.Versions)
                    {
                        writer.StartRow();
                        writer.Write(v.ReceivedAt, NpgsqlDbType.TimestampTz);
                        writer.Write(r.AgreementId, NpgsqlDbType.Uuid);
                        writer.Write(r.ItSystemId, NpgsqlDbType.Uuid);
                        writer.Write(r.Actor?.Kind ?? r.Responsible.Kind, NpgsqlDbType.Text);
                        writer.Write(r.Actor?.Authority.Code ?? r.Responsible.Authority.Code, NpgsqlDbType.Text);
                        WriteNullable(writer, r.Actor is null ? null : r.Responsible.Kind);
                        WriteNullable(writer, r.Actor is null ? null : r.Responsible.Authority.Code);
                        writer.Write(v.CaseWorkerId, NpgsqlDbType.Text);
                        writer.Write(v.CallId, NpgsqlDbType.Text);
                        writer.Write(v.Operation, NpgsqlDbType.Text);
                        writer.Write(r.Cpr, NpgsqlDbType.Text);
                        writer.Write(r.Id, NpgsqlDbType.Uuid);
                        writer.Write("Ok", NpgsqlDbType.Text);
                    }
                }

                writer.Complete();
            }

            transaction.Commit();
            versions += rows;
            lock (progress)
            {
                progress.Advance(chunk.Count, chunk.Count + (2L * rows));
            }
        }

        return versions;
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }

    // Everything one registration writes, with the versions in order: registered, then corrected, then cancelled.
    private SeededRows Rows(in SeedRegistration registration)
    {
        var responsible = authorities.All[registration.Responsible];
        var actor = registration.Actor < 0 ? null : authorities.Actors[registration.Actor];
        var cpr = CitizenCourses.Cpr(registration.Citizen);
        var municipality = responsible.Authority.Kind == AuthorityKind.Municipality;
        var random = new SeedRandom(registration.Seed ^ 0xA11CE);
        var workers = actor is null ? responsible.CaseWorkers : 12;
        var worker = $"cw-{(actor?.Authority.Code ?? responsible.Authority.Code)}-{random.Next(1, workers + 1)}";
        var first = SeedInterviews.First(registration, cpr, municipality);
        var versions = new List<SeededVersion>(registration.Versions)
        {
            Version(1, ChangeKind.Registered, null, first, registration.Late, worker, registration.ReceivedTicks, RegisterInterview.Operation, ref random),
        };
        var latest = first;
        if (registration.CorrectedTicks != 0)
        {
            latest = SeedInterviews.Corrected(registration, first);
            versions.Add(Version(2, ChangeKind.Corrected, SeedInterviews.CorrectionReason(registration), latest, registration.Late, worker,
                registration.CorrectedTicks, CorrectInterview.Operation, ref random));
        }

        if (registration.CancelledTicks != 0)
        {
            versions.Add(Version(versions.Count + 1, ChangeKind.Cancelled, SeedInterviews.CancellationReason, latest, registration.Late, worker,
                registration.CancelledTicks, CancelInterview.Operation, ref random));
        }

        return new SeededRows(registration.Id, cpr, responsible, actor, actor?.AgreementId ?? responsible.AgreementId, actor?.ItSystemId ?? responsible.ItSystemId, versions);
    }

    private static SeededVersion Version(
        int version, ChangeKind change, string? reason, Interview interview, bool late, string worker, long receivedTicks, string operation, ref SeedRandom random) =>
        new(version, change.ToString(), reason, interview.CaseType.ToString(), interview.HeldOn, (short)interview.MatchCategory, interview.NextContact.PlannedOn,
            late, worker, new DateTime(receivedTicks, DateTimeKind.Utc), SeedInterviews.Json(interview), random.NextGuid().ToString(), random.NextGuid().ToString(), operation);

    private sealed record SeededRows(
        Guid Id, string Cpr, ScaleAuthorities.Responsible Responsible, ScaleAuthorities.Actor? Actor, Guid AgreementId, Guid ItSystemId, List<SeededVersion> Versions);

    private sealed record SeededVersion(
        int Version, string Change, string? Reason, string CaseType, DateOnly HeldOn, short MatchCategory, DateOnly? NextContactOn, bool Late,
        string CaseWorkerId, DateTime ReceivedAt, string Items, string CallId, string RequestId, string Operation);
}
