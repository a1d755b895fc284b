namespace Gateway.Domain.Tests.Registrations;

/// <summary>A clock that always reads <paramref name="now"/>, so no test depends on the real time.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
