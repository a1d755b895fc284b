using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Database;
using Gateway.Domain.Conformance;

namespace Gateway.Data.Conformance;

/// <summary>
/// The calls IT systems made in the Test environment (<c>conformance_observation</c>, append-only), judged by
/// <see cref="ConformanceCatalogue"/>, and the resets that start a judgement again (<c>conformance_reset</c>).
/// </summary>
public sealed class ConformanceStore(GatewayDataSource dataSource)
{
    private const string Columns = """
        id as Sequence, observed_at as At, agreement_id as AgreementId, operation as Operation, soap_version as SoapVersion,
        outcome as Outcome, call_id as CallId, system_call as SystemCall, request_id as RequestId, content_key as ContentKey,
        registration_id as RegistrationId, version as Version, case_type as CaseType, all_items as AllItems,
        array_to_string(answer_registrations, ',') as AnswerRegistrations, cursor_given as Cursor, next_cursor as NextCursor, drill as Drill
        """;

    /// <summary>
    /// Records <paramref name="call"/> of the IT system <paramref name="itSystemId"/> (its <see cref="ObservedCall.Sequence"/>
    /// and time are the store's). Committed without waiting for the disk (<c>synchronous_commit = off</c>): the record
    /// is visible to every later read at once, and only a database crash in the next moment can lose it; a
    /// conformance run then needs that call again, nothing else is at stake, and a Test call costs no extra flush.
    /// </summary>
    public Task RecordAsync(Guid itSystemId, ObservedCall call, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            // One round trip: the statements travel together.
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await connection.ExecuteAsync(new CommandDefinition("""
                begin;
                set local synchronous_commit to off;
                insert into conformance_observation (it_system_id, catalogue_version, agreement_id, operation, soap_version, outcome, call_id,
                    system_call, request_id, content_key, registration_id, version, case_type, all_items, answer_registrations, cursor_given, next_cursor, drill)
                values (@itSystemId, @CatalogueVersion, @AgreementId, @Operation, @SoapVersion, @Outcome, @CallId,
                    @SystemCall, @RequestId, @ContentKey, @RegistrationId, @Version, @CaseType, @AllItems, @AnswerRegistrations, @Cursor, @NextCursor, @Drill);
                commit;
                """, new
            {
                itSystemId,
                CatalogueVersion = ConformanceCatalogue.Version,
                call.AgreementId,
                call.Operation,
                call.SoapVersion,
                call.Outcome,
                call.CallId,
                call.SystemCall,
                call.RequestId,
                call.ContentKey,
                call.RegistrationId,
                call.Version,
                CaseType = call.CaseType?.ToString(),
                call.AllItems,
                AnswerRegistrations = call.AnswerRegistrations.ToArray(),
                call.Cursor,
                call.NextCursor,
                Drill = call.Drill?.ToString(),
            }, cancellationToken: work));
        }, cancellationToken);

    /// <summary>The calls of <paramref name="itSystemId"/> under the current catalogue version since its last reset, in the order they were seen.</summary>
    public Task<IReadOnlyList<ObservedCall>> ObservationsAsync(Guid itSystemId, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<ObservedCall>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
                select {Columns} from conformance_observation
                where it_system_id = @itSystemId and catalogue_version = @version
                  and id > coalesce((select max(after_observation) from conformance_reset where it_system_id = @itSystemId), 0)
                order by id
                """, new { itSystemId, version = ConformanceCatalogue.Version }, cancellationToken: work));
            return [.. rows.Select(r => r.ToCall())];
        }, cancellationToken);

    /// <summary>Starts the judgement of <paramref name="itSystemId"/> again: the calls so far are kept, and no longer count.</summary>
    public Task ResetAsync(Guid itSystemId, string resetBy, string reason, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into conformance_reset (it_system_id, after_observation, reset_by, reason)
                select @itSystemId, coalesce(max(id), 0), @resetBy, @reason from conformance_observation
                """, new { itSystemId, resetBy, reason }, cancellationToken: work));
        }, cancellationToken);

    /// <summary>The last reset of <paramref name="itSystemId"/>, or null.</summary>
    public Task<ConformanceReset?> LastResetAsync(Guid itSystemId, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var row = await connection.QuerySingleOrDefaultAsync<(string By, DateTime At, string Reason)?>(new CommandDefinition(
                "select reset_by, reset_at, reason from conformance_reset where it_system_id = @itSystemId order by id desc limit 1",
                new { itSystemId }, cancellationToken: work));
            return row is { } r ? new ConformanceReset(r.By, new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)), r.Reason) : null;
        }, cancellationToken);

    /// <summary>Whether drills run for <paramref name="itSystemId"/>: the latest switch decides; off when never switched.</summary>
    public Task<bool> DrillsOnAsync(Guid itSystemId, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            return await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
                "select enabled from conformance_drill_switch where it_system_id = @itSystemId order by id desc limit 1",
                new { itSystemId }, cancellationToken: work)) ?? false;
        }, cancellationToken);

    /// <summary>Switches drills on or off for <paramref name="itSystemId"/>, recording who and why.</summary>
    public Task SwitchDrillsAsync(Guid itSystemId, bool enabled, string changedBy, string reason, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into conformance_drill_switch (it_system_id, enabled, changed_by, reason) values (@itSystemId, @enabled, @changedBy, @reason)",
                new { itSystemId, enabled, changedBy, reason }, cancellationToken: work));
        }, cancellationToken);

    private sealed record Row(
        long Sequence, DateTime At, Guid AgreementId, string Operation, string SoapVersion, string Outcome, string CallId, bool SystemCall,
        string? RequestId, string? ContentKey, Guid? RegistrationId, int? Version, string? CaseType, bool AllItems, string AnswerRegistrations,
        string? Cursor, string? NextCursor, string? Drill)
    {
        public ObservedCall ToCall() => new()
        {
            Sequence = Sequence,
            At = new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)),
            AgreementId = AgreementId,
            Operation = Operation,
            SoapVersion = SoapVersion,
            Outcome = Outcome,
            CallId = CallId,
            SystemCall = SystemCall,
            RequestId = RequestId,
            ContentKey = ContentKey,
            RegistrationId = RegistrationId,
            Version = Version,
            CaseType = CaseType is null ? null : Enum.Parse<CaseType>(CaseType),
            AllItems = AllItems,
            AnswerRegistrations = [.. AnswerRegistrations.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)],
            Cursor = Cursor,
            NextCursor = NextCursor,
            Drill = Drill is null ? null : Enum.Parse<ConformanceDrill>(Drill),
        };
    }
}
