namespace Gateway.IntegrationTests.Support;

/// <summary>Distinct, valid CPR numbers for tests, so tests sharing a database never see each other's citizens.</summary>
public static class TestCitizens
{
    private static int _serial = 1000;

    /// <summary>A valid CPR number born 1 January 1990 (7th digit 1 → 1900s), unique within the run.</summary>
    public static string Next() => $"010190{Interlocked.Increment(ref _serial) % 10000:D4}";
}
