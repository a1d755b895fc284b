namespace Gateway.Benchmarks.Load;

/// <summary>
/// What one worker sends next, and what it learns from each successful answer. Each worker gets its own source from
/// <see cref="LoadScenario.NewSource"/>, so a source whose next request depends on the last answer (a reader following a
/// cursor) needs no lock.
/// </summary>
internal interface IRequestSource
{
    /// <summary>The next request; null when the source has none left (the worker then stops, and the result says so).</summary>
    HttpRequestMessage? Next();

    /// <summary>Reads a successful answer to the last request; returns how many entries it carried (0 when entries are not counted).</summary>
    int Answered(ReadOnlySpan<byte> body);
}
