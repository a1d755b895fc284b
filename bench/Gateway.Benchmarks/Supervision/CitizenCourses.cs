using Gateway.Contracts.CodeLists;
using Gateway.Domain.Calendar;

namespace Gateway.Benchmarks.Supervision;

/// <summary>
/// The contact course of each seeded citizen over the data basis's three years, decided by the citizen's number alone:
/// a course starts on a day of the window (or up to 18 months before it, and is then in the basis from its first day)
/// and runs an exponentially distributed time (mean about 24 months), so that a citizen has about 6.7 registrations in
/// the window. Interviews are held on working days, each planning the next one 3 to 11 weeks ahead (a few beyond 3
/// months), and the next one is held near that date, sometimes weeks or months later (the citizens who become overdue).
/// A course that ends before the window does mostly ends with an end reason on its last interview; the rest just stop.
/// The match category moves a step at some interviews, more often towards the labour market. Most registrations are
/// received the same day; about 8 % come 3 to 25 days later, most of them late. About 6 % are corrected and 1 %
/// cancelled. Some citizens change responsible authority in the middle of their course (a move, or from cash benefit to
/// unemployment benefit), and an other actor holds the course of some of the citizens of the authorities it acts for.
/// </summary>
internal sealed class CitizenCourses(ScaleAuthorities authorities, DateOnly firstDay, DateOnly lastDay, DateTimeOffset now)
{
    public const double CorrectedShare = 0.06, CancelledShare = 0.01;

    // Citizens are spread over the birth dates of 1960-1999, 103 serial numbers per date at 1.5M citizens. The 7th digit is 0-3,
    // which puts the birth year in the 1900s; a date of 2000 written that way is a different date in 1900, or none (29 Feb).
    private const int BirthDates = 14_610;
    private static readonly DateOnly FirstBirthDate = new(1960, 1, 1);

    private static readonly double[] InitialCategory = [0.10, 0.20, 0.30, 0.25, 0.15];
    private static readonly double[] EndReasons = [0.60, 0.25, 0.15];
    private const ulong Salt = 0x5EED_C0DE_2026_1202;
    private const int LeadIn = 540, MeanCourseDays = 700;

    private readonly int[][] _actorsFor = [.. authorities.All.Select(r => authorities.Actors.Where(a => a.Principals.Contains(r.Index)).Select(a => a.Index).ToArray())];
    private readonly long _latestTicks = now.UtcTicks - TimeSpan.TicksPerMinute;

    /// <summary>The CPR number of citizen <paramref name="citizen"/>: a real birth date and a serial number, distinct for every citizen.</summary>
    public static string Cpr(int citizen)
    {
        var born = FirstBirthDate.AddDays(citizen % BirthDates);
        // 31 is coprime to 4000, so distinct quotients give distinct serial numbers below 4000 (7th digit 0-3).
        var serial = ((citizen / BirthDates * 31) + 7) % 4000;
        return $"{born:ddMMyy}{serial:D4}";
    }

    /// <summary>
    /// Throws unless the CPR number of every birth date the seeder uses is one the gateway accepts: a seeded citizen the
    /// gateway calls invalid is refused when a read scenario draws it.
    /// </summary>
    public static void CheckCprNumbers()
    {
        for (var citizen = 0; citizen < BirthDates; citizen++)
        {
            var cpr = Cpr(citizen);
            if (Domain.Identifiers.Cpr.BirthDate(cpr) != FirstBirthDate.AddDays(citizen))
            {
                throw new InvalidOperationException(
                    $"The seeder's CPR number for birth date {FirstBirthDate.AddDays(citizen):yyyy-MM-dd} ({Domain.Identifiers.Cpr.Mask(cpr)}) does not encode that date.");
            }
        }
    }

    /// <summary>Adds the registrations of <paramref name="citizen"/> to <paramref name="into"/>; returns how many.</summary>
    public int Generate(int citizen, List<SeedRegistration> into)
    {
        var random = new SeedRandom(Salt ^ ((ulong)citizen * 0x9E3779B97F4A7C15));
        var responsible = (short)authorities.Draw(random.NextDouble());
        var moveAt = random.Chance(0.08) ? random.Next(1, 6) : -1;
        var movedTo = (short)authorities.Draw(random.NextDouble());
        var starthjaelp = random.Chance(0.15);
        var actorRoll = random.NextDouble();

        // Courses already under way when the basis's window opens are in it from then on, so the first months are as busy as the rest.
        var span = lastDay.DayNumber - firstDay.DayNumber;
        var start = firstDay.AddDays(random.Next(-LeadIn, span));
        var end = start.AddDays(30 + (int)(-Math.Log(1 - random.NextDouble()) * MeanCourseDays));
        var category = 1 + random.Pick(InitialCategory);
        var held = WorkingDayFrom(start);
        var added = 0;
        for (var ordinal = 0; held <= lastDay; ordinal++)
        {
            if (ordinal == moveAt)
            {
                responsible = movedTo;
            }

            if (ordinal > 0)
            {
                var move = random.NextDouble();
                category = Math.Clamp(category + (move < 0.18 ? -1 : move < 0.27 ? 1 : 0), 1, 5);
            }

            var planned = held.AddDays(random.Chance(0.03) ? random.Next(95, 131) : random.Next(21, 79));
            // Most next interviews are held near the planned date; some weeks later, a few months later.
            var drift = random.NextDouble();
            var nextHeld = WorkingDayFrom(planned.AddDays(drift < 0.85 ? random.Next(-5, 11) : drift < 0.95 ? random.Next(20, 61) : random.Next(60, 201)));
            var isLast = nextHeld > lastDay || nextHeld > end;
            var ended = isLast && end <= lastDay && random.Chance(0.7);
            var actors = _actorsFor[responsible];
            var registration = Registration(ref random, citizen, responsible, actors.Length > 0 && actorRoll < 0.3 ? (sbyte)actors[(int)(actorRoll * 10) % actors.Length] : (sbyte)-1,
                ordinal, held, ended ? null : planned, ended ? (byte)(1 + random.Pick(EndReasons)) : (byte)0, category, starthjaelp);
            if (held >= firstDay)
            {
                into.Add(registration);
                added++;
            }

            if (isLast)
            {
                break;
            }

            held = nextHeld;
        }

        return added;
    }

    private SeedRegistration Registration(
        ref SeedRandom random, int citizen, short responsible, sbyte actor, int ordinal, DateOnly held, DateOnly? planned, byte endReason, int category, bool starthjaelp)
    {
        var delay = random.NextDouble();
        var receivedDay = held.AddDays(delay < 0.82 ? 0 : delay < 0.92 ? random.Next(1, 3) : random.Next(3, 26));
        var received = Math.Min(
            new DateTime(receivedDay, new TimeOnly(7, 0), DateTimeKind.Utc).AddSeconds(random.Next(0, 9 * 3600)).AddTicks(random.Next(0, 10_000_000) / 10 * 10).Ticks,
            _latestTicks);
        var flags = (byte)((WorkingDays.MoreThan(2, held, DateOnly.FromDateTime(new DateTime(received, DateTimeKind.Utc))) ? SeedRegistration.LateFlag : 0)
            | (random.Chance(0.003) ? SeedRegistration.MissingFurtherCourseFlag : 0)
            | (starthjaelp ? SeedRegistration.StarthjaelpFlag : 0));
        var corrected = random.Chance(CorrectedShare) ? received + (random.Next(600, 10 * 86_400) * TimeSpan.TicksPerSecond) : 0;
        if (corrected > _latestTicks)
        {
            corrected = 0;
        }

        var cancelled = random.Chance(CancelledShare) ? Math.Max(received, corrected) + (random.Next(3600, 20 * 86_400) * TimeSpan.TicksPerSecond) : 0;
        if (cancelled > _latestTicks)
        {
            cancelled = 0;
        }

        return new SeedRegistration
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(received, TimeSpan.Zero)),
            ReceivedTicks = received,
            CorrectedTicks = corrected,
            CancelledTicks = cancelled,
            Citizen = citizen,
            HeldOn = held.DayNumber,
            NextContactOn = planned?.DayNumber ?? 0,
            Seed = (uint)random.NextUInt64(),
            Responsible = responsible,
            Actor = actor,
            Ordinal = (byte)Math.Min(ordinal, 255),
            MatchCategory = (byte)category,
            EndReason = endReason,
            Flags = flags,
            Correction = (byte)random.Next(0, 3),
        };
    }

    /// <summary>The end reason a registration gives, if any.</summary>
    public static CourseEndReason? EndReasonOf(in SeedRegistration registration) =>
        registration.EndReason == 0 ? null : (CourseEndReason)(registration.EndReason - 1);

    private static DateOnly WorkingDayFrom(DateOnly day)
    {
        while (!WorkingDays.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
