namespace Gateway.Benchmarks.Load;

/// <summary>One measured scenario: its name in the results and, per worker, the source of its requests.</summary>
internal sealed record LoadScenario(string Name, Func<IRequestSource> NewSource)
{
    /// <summary>
    /// A scenario whose requests do not depend on the answers; <paramref name="nextRequest"/> is called concurrently, and
    /// returns null when no requests are left.
    /// </summary>
    public LoadScenario(string name, Func<HttpRequestMessage?> nextRequest)
        : this(name, Shared(new IndependentRequests(nextRequest)))
    {
    }

    private static Func<IRequestSource> Shared(IRequestSource source) => () => source;

    // One source for every worker: it keeps no state of its own.
    private sealed class IndependentRequests(Func<HttpRequestMessage?> nextRequest) : IRequestSource
    {
        public HttpRequestMessage? Next() => nextRequest();

        public int Answered(ReadOnlySpan<byte> body) => 0;
    }
}
