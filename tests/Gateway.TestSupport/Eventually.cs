namespace Gateway.TestSupport;

/// <summary>
/// Waiting, within a bound, for something a background duty or another instance does: the condition is checked every
/// few milliseconds and the test fails, naming what never happened, when the bound passes. The bound only ends a
/// broken run; nothing is asserted about how long it took.
/// </summary>
public static class Eventually
{
    /// <summary>The bound when a test names none.</summary>
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(15);

    /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="failure"/> if it has not within <paramref name="bound"/>.</summary>
    public static async Task HoldsAsync(Func<bool> condition, string failure, TimeSpan? bound = null) =>
        await HoldsAsync(() => Task.FromResult(condition()), failure, bound);

    /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="failure"/> if it has not within <paramref name="bound"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string failure, TimeSpan? bound = null)
    {
        var deadline = DateTime.UtcNow + (bound ?? DefaultBound);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{failure} (waited {(bound ?? DefaultBound).TotalSeconds:0.#} s)");
            }

            await Task.Delay(10);
        }
    }
}
