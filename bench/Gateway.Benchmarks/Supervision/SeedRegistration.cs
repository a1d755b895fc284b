namespace Gateway.Benchmarks.Supervision;

/// <summary>
/// One seeded registration in 64 bytes: what the generator decided about it (<see cref="CitizenCourses"/>), from which
/// <see cref="SeedInterviews"/> makes its items and the loader its rows. Millions of them are held and sorted by the
/// time they were received, so that the heap fills in the order production fills it.
/// </summary>
internal struct SeedRegistration
{
    public const byte LateFlag = 1, MissingFurtherCourseFlag = 2, StarthjaelpFlag = 4;

    public Guid Id;

    /// <summary>When version 1 was received (UTC ticks).</summary>
    public long ReceivedTicks;

    /// <summary>When the correction (version 2) was received; 0 when the registration was never corrected.</summary>
    public long CorrectedTicks;

    /// <summary>When the cancellation (the last version) was received; 0 when it was never cancelled.</summary>
    public long CancelledTicks;

    public int Citizen;

    /// <summary>The interview date, as <see cref="DateOnly.DayNumber"/>.</summary>
    public int HeldOn;

    /// <summary>The planned next contact as a day number; 0 when none is planned.</summary>
    public int NextContactOn;

    /// <summary>Seeds the details of the items (type, form, agreements, voluntary items, case worker, ids).</summary>
    public uint Seed;

    /// <summary>The responsible authority, an index into <see cref="ScaleAuthorities.All"/>.</summary>
    public short Responsible;

    /// <summary>The other actor that registered for it, an index into <see cref="ScaleAuthorities.Actors"/>; -1 for none.</summary>
    public sbyte Actor;

    /// <summary>The interview's place in the citizen's course, from 0 (at most 255).</summary>
    public byte Ordinal;

    /// <summary>The match category registered in version 1, 1-5.</summary>
    public byte MatchCategory;

    /// <summary>0 for none, else 1 + the <see cref="Contracts.CodeLists.CourseEndReason"/> that ended the course.</summary>
    public byte EndReason;

    public byte Flags;

    /// <summary>What the correction changed: 0 the match category, 1 the form, 2 the next contact.</summary>
    public byte Correction;

    public readonly bool Late => (Flags & LateFlag) != 0;

    public readonly int Versions => 1 + (CorrectedTicks != 0 ? 1 : 0) + (CancelledTicks != 0 ? 1 : 0);
}
