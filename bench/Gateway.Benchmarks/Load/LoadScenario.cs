namespace Gateway.Benchmarks.Load;

/// <summary>One measured scenario: its name in the results and how to make its next request (called concurrently).</summary>
internal sealed record LoadScenario(string Name, Func<HttpRequestMessage> NextRequest);
