using Gateway.Domain.Faults;

namespace Gateway.Domain.Tests.Faults;

/// <summary>Unwraps an <see cref="Outcome{T}"/>, failing the test with what was there instead.</summary>
internal static class OutcomeAssertions
{
    public static Refusal ExpectRefusal<T>(this Outcome<T> outcome) =>
        outcome.IsRefused ? outcome.Refusal : throw new AssertionException($"Expected a refusal, got {outcome.Value}.");

    public static T ExpectValue<T>(this Outcome<T> outcome) =>
        !outcome.IsRefused
            ? outcome.Value
            : throw new AssertionException(
                $"Expected a value, got {outcome.Refusal.Code} with {string.Join("; ", outcome.Refusal.Fields.Select(f => $"{f.Field} {f.Code}"))}.");
}
