using System.Collections.Concurrent;
using Gateway.Domain.Agreements;
using Gateway.Domain.Calendar;

namespace Gateway.Host.Pipeline.Usage;

/// <summary>
/// Counts calls per agreement, operation, day and outcome in memory; <see cref="Background.UsageFlusher"/> adds the counts to the
/// database every few seconds, so counting costs a call no round trip.
/// </summary>
internal sealed class UsageCounter(DanishCalendar calendar)
{
    // One dictionary for the counter's lifetime: taking drains it key by key, so a count added meanwhile is either
    // taken now or left for the next time, never lost.
    private readonly ConcurrentDictionary<(Guid Agreement, string Operation, DateOnly Day, string Outcome), long> _counts = new();

    public void Count(Guid agreementId, string operation, string outcome)
    {
        _counts.AddOrUpdate((agreementId, operation, calendar.Today, outcome), 1, (_, calls) => calls + 1);
    }

    /// <summary>Takes the counts so far, leaving the counter empty.</summary>
    public IReadOnlyCollection<UsageCount> Take()
    {
        var taken = new List<UsageCount>();
        foreach (var key in _counts.Keys)
        {
            if (_counts.TryRemove(key, out var calls))
            {
                taken.Add(new UsageCount(key.Agreement, key.Operation, key.Day, key.Outcome, calls));
            }
        }

        return taken;
    }

    /// <summary>Puts counts back that could not be stored, to be tried again.</summary>
    public void Return(IEnumerable<UsageCount> counts)
    {
        foreach (var c in counts)
        {
            _counts.AddOrUpdate((c.AgreementId, c.Operation, c.Day, c.Outcome), c.Calls, (_, calls) => calls + c.Calls);
        }
    }
}
