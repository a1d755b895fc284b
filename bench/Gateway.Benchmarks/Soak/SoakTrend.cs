namespace Gateway.Benchmarks.Soak;

/// <summary>
/// Whether the soak's process stayed flat: the mean of the last third of the samples against the mean of the first third,
/// for resident memory, open files and threads. Flat means at most 10 % more memory and at most 10 % (and 8) more files or
/// threads; the first third already includes the warm-up of pools and caches, so growth after it is what would leak.
/// </summary>
internal sealed record SoakTrend(bool Judged, double FirstRssMiB, double LastRssMiB, double FirstOpenFiles, double LastOpenFiles, double FirstThreads, double LastThreads)
{
    public bool RssFlat => !Judged || LastRssMiB <= FirstRssMiB * 1.10;

    public bool OpenFilesFlat => !Judged || LastOpenFiles <= (FirstOpenFiles * 1.10) + 8;

    public bool ThreadsFlat => !Judged || LastThreads <= (FirstThreads * 1.10) + 8;

    public static SoakTrend Of(IReadOnlyList<ProcessSample> samples)
    {
        if (samples.Count < 3)
        {
            return new SoakTrend(false, 0, 0, 0, 0, 0, 0);
        }

        var third = samples.Count / 3;
        var first = samples.Take(third).ToList();
        var last = samples.Skip(samples.Count - third).ToList();
        return new SoakTrend(true, first.Average(s => s.RssMiB), last.Average(s => s.RssMiB), first.Average(s => s.OpenFiles), last.Average(s => s.OpenFiles),
            first.Average(s => s.Threads), last.Average(s => s.Threads));
    }
}
