namespace Gateway.Benchmarks.Requests;

/// <summary>
/// Distinct, valid CPR numbers: a real birth date in the 1900s (7th digit 0-3) and 4000 serial numbers per date.
/// Thread-safe; <see cref="Next"/> costs one interlocked increment.
/// </summary>
internal sealed class CprSequence(DateOnly firstBirthDate)
{
    private const int SerialsPerDate = 4000;
    private long _next = -1;

    public string Next() => At(Interlocked.Increment(ref _next));

    private string At(long index)
    {
        var birthDate = firstBirthDate.AddDays((int)(index / SerialsPerDate));
        if (birthDate.Year is < 1900 or > 1999)
        {
            throw new InvalidOperationException("The CPR sequence ran out of 20th-century birth dates; start it earlier or use fewer numbers.");
        }

        return $"{birthDate:ddMMyy}{index % SerialsPerDate:D4}";
    }
}
