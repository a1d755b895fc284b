using Gateway.Contracts.CodeLists;

namespace Gateway.Domain.Conformance;

/// <summary>
/// One real call of an IT system in the Test environment, as the gateway saw it: what was asked and how it ended.
/// The conformance scenarios are judged on these (<see cref="ConformanceCatalogue"/>), never on what a partner reports.
/// </summary>
/// <remarks>
/// Nothing personal is kept: no CPR number and nothing derived from one (a readback is matched to its registration
/// by the registration ids the answer held). What the partner wrote that only needs comparing (request ids, cursors)
/// is kept as a hash, so an observation has a bounded size whatever a refused call carried.
/// </remarks>
public sealed record ObservedCall
{
    /// <summary>The order in which the gateway saw the calls; evaluation follows it.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the call ended.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The agreement it was made under.</summary>
    public required Guid AgreementId { get; init; }

    /// <summary>The operation.</summary>
    public required string Operation { get; init; }

    /// <summary><c>1.1</c> or <c>1.2</c>.</summary>
    public required string SoapVersion { get; init; }

    /// <summary><see cref="ConformanceCatalogue.Success"/>, or the fault code the call was answered with.</summary>
    public required string Outcome { get; init; }

    /// <summary>The caller's call id, quoted as evidence.</summary>
    public required string CallId { get; init; }

    /// <summary>Whether the call was marked as a system call rather than made for a case worker.</summary>
    public required bool SystemCall { get; init; }

    /// <summary>A write's request id, as a hash: equal request ids have equal hashes.</summary>
    public string? RequestId { get; init; }

    /// <summary>A write's content, without its request id, as a hash: two writes with the same one asked for the same thing.</summary>
    public string? ContentKey { get; init; }

    /// <summary>The registration the call named, or the one a registration's receipt gave.</summary>
    public Guid? RegistrationId { get; init; }

    /// <summary>The version a correction or cancellation named; for a registration, the receipt's.</summary>
    public int? Version { get; init; }

    /// <summary>A registration's or correction's case type.</summary>
    public CaseType? CaseType { get; init; }

    /// <summary>Whether a registration or correction held every item of § 2 stk. 2, the voluntary and optional ones too.</summary>
    public bool AllItems { get; init; }

    /// <summary>For a GetContactCourse that succeeded: the registrations its answer held.</summary>
    public IReadOnlyList<Guid> AnswerRegistrations { get; init; } = [];

    /// <summary>The cursor a ListRegistrations call gave, as a hash; null when it started from the beginning.</summary>
    public string? Cursor { get; init; }

    /// <summary>The cursor a ListRegistrations page answered with, as a hash.</summary>
    public string? NextCursor { get; init; }

    /// <summary>The drill the Test environment ran on this call on purpose, if any (<see cref="ConformanceDrill"/>).</summary>
    public ConformanceDrill? Drill { get; init; }

    /// <summary>Whether the call succeeded.</summary>
    public bool Succeeded => Outcome == ConformanceCatalogue.Success;

    /// <summary>Whether the call was a write (registration, correction or cancellation).</summary>
    public bool IsWrite => Operation is ConformanceCatalogue.Register or ConformanceCatalogue.Correct or ConformanceCatalogue.Cancel;
}
