using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using Npgsql;

namespace Gateway.Data.Agreements;

/// <summary>
/// What operators change: authorities, IT systems, certificates and agreements. Every change records who made it;
/// every status change records why, in the append-only history, in the same transaction. Whether a status change is
/// allowed is the domain's decision (<see cref="AgreementLifecycle"/>); this class only carries it out.
/// </summary>
public sealed class AdministrationStore(NpgsqlDataSource dataSource)
{
    /// <summary>Adds an authority, recording who did; false when one with that kind and code exists already.</summary>
    public async Task<bool> AddAuthorityAsync(AuthorityId authority, string name, string createdBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "insert into authority (kind, code, name, created_by) values (@Kind, @Code, @name, @createdBy) on conflict do nothing",
            new { Kind = authority.Kind.ToString(), authority.Code, name, createdBy }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Every authority.</summary>
    public async Task<IReadOnlyList<AuthorityRecord>> ListAuthoritiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Kind, string Code, string Name)>(new CommandDefinition(
            "select kind, code, name from authority order by kind, code", cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuthorityRecord(new AuthorityId(Enum.Parse<AuthorityKind>(r.Kind), r.Code), r.Name))];
    }

    /// <summary>Adds an IT system, recording who did, and returns its id; an existing system of that name is returned as it is.</summary>
    public async Task<Guid> AddItSystemAsync(string name, string vendorCvr, string createdBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            with added as (
                insert into it_system (id, name, vendor_cvr, created_by) values (@id, @name, @vendorCvr, @createdBy) on conflict (name) do nothing returning id
            )
            select id from added union all select id from it_system where name = @name
            limit 1
            """, new { id = Guid.CreateVersion7(), name, vendorCvr, createdBy }, cancellationToken: cancellationToken));
    }

    /// <summary>Every IT system.</summary>
    public async Task<IReadOnlyList<ItSystemRecord>> ListItSystemsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ItSystemRecord>(new CommandDefinition(
            "select id as Id, name as Name, vendor_cvr as VendorCvr from it_system order by name", cancellationToken: cancellationToken))];
    }

    /// <summary>The SHA-256 thumbprint under which a certificate is registered and looked up.</summary>
    public static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>Registers a client certificate for an IT system; an already registered one is left as it is.</summary>
    public async Task<RegisteredCertificate> AddCertificateAsync(Guid itSystemId, X509Certificate2 certificate, string addedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into certificate (thumbprint, it_system_id, subject, not_before, not_after, added_by)
            values (@thumbprint, @itSystemId, @subject, @notBefore, @notAfter, @addedBy)
            on conflict (thumbprint) do nothing
            """, new
        {
            thumbprint = Thumbprint(certificate),
            itSystemId,
            subject = certificate.Subject,
            notBefore = certificate.NotBefore.ToUniversalTime(),
            notAfter = certificate.NotAfter.ToUniversalTime(),
            addedBy,
        }, cancellationToken: cancellationToken));
        return (await new AccessStore(dataSource).FindCertificateAsync(Thumbprint(certificate), cancellationToken))!;
    }

    /// <summary>The registered certificates, of one IT system or all.</summary>
    public async Task<IReadOnlyList<RegisteredCertificate>> ListCertificatesAsync(Guid? itSystemId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AccessStore.CertificateRow>(new CommandDefinition(
            AccessStore.SelectCertificates + " where @itSystemId::uuid is null or it_system_id = @itSystemId order by added_at",
            new { itSystemId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToCertificate())];
    }

    /// <summary>Revokes a certificate; false when no unrevoked certificate has that thumbprint.</summary>
    public async Task<bool> RevokeCertificateAsync(string thumbprint, string revokedBy, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            update certificate set revoked_at = now(), revoked_by = @revokedBy, revoked_reason = @reason
            where thumbprint = @thumbprint and revoked_at is null
            """, new { thumbprint = thumbprint.ToUpperInvariant(), revokedBy, reason }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Stores a requested agreement (status Requested), under <paramref name="id"/> when given. With
    /// <paramref name="activate"/> it is approved in the same transaction: for a Test environment's trial
    /// connection, which needs no approval by the authority (domain.md § 7).
    /// </summary>
    public async Task<Agreement> RequestAgreementAsync(
        AgreementRequest request, string requestedBy, string reason, CancellationToken cancellationToken, Guid? id = null, bool activate = false)
    {
        var agreementId = id ?? Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            insert into agreement (id, authority_kind, authority_code, it_system_id, operations, case_types, read_scope,
                                   environment, valid_from, valid_to, status, contact, contract_reference)
            values (@Id, @AuthorityKind, @AuthorityCode, @ItSystemId, @Operations, @CaseTypes, @ReadScope,
                    @Environment, @ValidFrom, @ValidTo, 'Requested', @Contact, @ContractReference)
            """, new
        {
            Id = agreementId,
            AuthorityKind = request.Authority.Kind.ToString(),
            AuthorityCode = request.Authority.Code,
            request.ItSystemId,
            Operations = request.Operations.Order(StringComparer.Ordinal).ToArray(),
            CaseTypes = request.EffectiveCaseTypes().Select(c => c.ToString()).Order(StringComparer.Ordinal).ToArray(),
            ReadScope = request.ReadScope.ToString(),
            Environment = request.Environment.ToString(),
            request.ValidFrom,
            request.ValidTo,
            request.Contact,
            request.ContractReference,
        }, transaction, cancellationToken: cancellationToken));
        foreach (var principal in request.Principals)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into agreement_principal (agreement_id, kind, code) values (@agreementId, @Kind, @Code)",
                new { agreementId, Kind = principal.Kind.ToString(), principal.Code }, transaction, cancellationToken: cancellationToken));
        }

        await RecordAsync(connection, transaction, agreementId, null, AgreementStatus.Requested, requestedBy, reason, cancellationToken);
        if (activate)
        {
            await SetStatusAsync(connection, transaction, agreementId, AgreementStatus.Requested, AgreementStatus.Active, requestedBy, reason, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (await GetAgreementAsync(agreementId, cancellationToken))!;
    }

    /// <summary>
    /// Applies <paramref name="action"/> if the lifecycle allows it from the agreement's current status (read under a row
    /// lock, so two operators cannot both act on the same status). Returns the agreement after the change, or the
    /// status that made the action impossible, or null when there is no such agreement.
    /// </summary>
    public async Task<TransitionResult?> TransitionAsync(Guid id, AgreementAction action, string changedBy, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "select status from agreement where id = @id for update", new { id }, transaction, cancellationToken: cancellationToken));
        if (current is null)
        {
            return null;
        }

        var from = Enum.Parse<AgreementStatus>(current);
        if (AgreementLifecycle.Next(from, action) is not { } to)
        {
            return new TransitionResult(null, from);
        }

        await SetStatusAsync(connection, transaction, id, from, to, changedBy, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TransitionResult((await GetAgreementAsync(id, cancellationToken))!, from);
    }

    /// <summary>
    /// Turns every Active agreement whose end date is before <paramref name="today"/> Expired, recording
    /// <paramref name="changedBy"/> (the gateway's own sweep records <c>gateway</c>); returns their ids.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ExpireDueAsync(DateOnly today, string changedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var due = (await connection.QueryAsync<(Guid Id, DateOnly ValidTo)>(new CommandDefinition(
            "select id, valid_to from agreement where status = 'Active' and valid_to < @today", new { today }, cancellationToken: cancellationToken))).ToList();
        var expired = new List<Guid>();
        foreach (var (id, validTo) in due)
        {
            if (await TransitionAsync(id, AgreementAction.Expire, changedBy, $"Its end date, {validTo:yyyy-MM-dd}, has passed.", cancellationToken) is { Agreement: not null })
            {
                expired.Add(id);
            }
        }

        return expired;
    }

    /// <summary>One agreement, or null.</summary>
    public Task<Agreement?> GetAgreementAsync(Guid id, CancellationToken cancellationToken) => new AccessStore(dataSource).FindAgreementAsync(id, cancellationToken);

    /// <summary>Agreements, optionally only those in <paramref name="status"/>.</summary>
    public async Task<IReadOnlyList<Agreement>> ListAgreementsAsync(AgreementStatus? status, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AgreementRows.Row>(new CommandDefinition(
            AgreementRows.Select + " where @status::text is null or a.status = @status order by a.created_at",
            new { status = status?.ToString() }, cancellationToken: cancellationToken));
        return [.. rows.Select(AgreementRows.ToAgreement)];
    }

    /// <summary>An agreement's status history, oldest first.</summary>
    public async Task<IReadOnlyList<AgreementHistoryEntry>> HistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string? From, string To, string By, DateTime At, string Reason)>(new CommandDefinition(
            "select from_status, to_status, changed_by, changed_at, reason from agreement_history where agreement_id = @id order by id",
            new { id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AgreementHistoryEntry(
            r.From is null ? null : Enum.Parse<AgreementStatus>(r.From), Enum.Parse<AgreementStatus>(r.To), r.By,
            new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)), r.Reason))];
    }

    /// <summary>An agreement's usage counts, newest day first.</summary>
    public async Task<IReadOnlyList<UsageCount>> UsageAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid Agreement, string Operation, DateOnly Day, string Outcome, long Calls)>(new CommandDefinition(
            "select agreement_id, operation, day, outcome, calls from agreement_usage where agreement_id = @id order by day desc, operation, outcome",
            new { id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new UsageCount(r.Agreement, r.Operation, r.Day, r.Outcome, r.Calls))];
    }

    private static async Task SetStatusAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, AgreementStatus from, AgreementStatus to, string changedBy, string reason, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "update agreement set status = @to where id = @id", new { id, to = to.ToString() }, transaction, cancellationToken: cancellationToken));
        await RecordAsync(connection, transaction, id, from, to, changedBy, reason, cancellationToken);
    }

    private static async Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, AgreementStatus? from, AgreementStatus to, string changedBy, string reason, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into agreement_history (agreement_id, from_status, to_status, changed_by, reason) values (@id, @from, @to, @changedBy, @reason)",
            new { id, from = from?.ToString(), to = to.ToString(), changedBy, reason }, transaction, cancellationToken: cancellationToken));
}
