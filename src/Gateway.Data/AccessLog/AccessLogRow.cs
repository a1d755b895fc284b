namespace Gateway.Data.AccessLog;

/// <summary>
/// One <c>access_log</c> row as the chain reads it: every column that <see cref="AccessLogChain"/> hashes. The sealer
/// and the verifier both read entries through <see cref="Columns"/>, so what is sealed is what is verified.
/// </summary>
// A class with setters, not a positional record: Dapper's row parser (GetRowParser, used by the verifier) maps by
// column name onto properties.
internal sealed class AccessLogRow
{
    /// <summary>The select list for a row of <c>access_log</c> aliased <c>e</c>. The xid travels as text.</summary>
    public const string Columns = """
        e.id as Id, e.xid::text as Xid, e.recorded_at as RecordedAt, e.agreement_id as AgreementId, e.it_system_id as ItSystemId,
        e.authority_kind as AuthorityKind, e.authority_code as AuthorityCode, e.principal_kind as PrincipalKind,
        e.principal_code as PrincipalCode, e.case_worker_id as CaseWorkerId, e.call_id as CallId, e.operation as Operation,
        e.cpr as Cpr, e.registration_id as RegistrationId, e.outcome as Outcome, e.subject_kind as SubjectKind,
        e.subject_code as SubjectCode
        """;

    public long Id { get; init; }

    /// <summary>The writing transaction's id (<c>xid8</c>), in decimal.</summary>
    public string Xid { get; init; } = "";

    /// <summary>UTC (Npgsql reads <c>timestamptz</c> as a UTC <see cref="DateTime"/>).</summary>
    public DateTime RecordedAt { get; init; }

    public Guid AgreementId { get; init; }

    public Guid ItSystemId { get; init; }

    public string AuthorityKind { get; init; } = "";

    public string AuthorityCode { get; init; } = "";

    public string? PrincipalKind { get; init; }

    public string? PrincipalCode { get; init; }

    public string CaseWorkerId { get; init; } = "";

    public string CallId { get; init; } = "";

    public string Operation { get; init; } = "";

    public string? Cpr { get; init; }

    public Guid? RegistrationId { get; init; }

    public string Outcome { get; init; } = "";

    /// <summary>For a supervision read: the kind of the authority read about.</summary>
    public string? SubjectKind { get; init; }

    /// <summary>For a supervision read: the code of the authority read about.</summary>
    public string? SubjectCode { get; init; }

    /// <summary>Where the row stands in settled order.</summary>
    public SettledPosition Position => SettledPosition.Of(Xid, Id);
}
