namespace Gateway.Benchmarks.Requests;

/// <summary>
/// Registrations prepared for the CorrectInterview scenario, each at version 1 and handed out once, so every correction
/// quotes its registration's current version. Thread-safe; <see cref="Next"/> costs one interlocked increment.
/// </summary>
internal sealed class RegistrationsToCorrect(IReadOnlyList<(Guid Id, string Cpr)> registrations)
{
    private long _next = -1;

    public int Count => registrations.Count;

    /// <summary>The next registration; null once each has been handed out.</summary>
    public (Guid Id, string Cpr)? Next() => Interlocked.Increment(ref _next) is var at && at < registrations.Count ? registrations[(int)at] : null;
}
