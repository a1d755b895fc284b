using System.Globalization;

namespace Gateway.Benchmarks.Soak;

/// <summary>
/// What the soak samples of its own process every window, from Linux <c>/proc/self</c> and the runtime: the gateway runs
/// in-process, so these are the gateway's (with the load client's small, constant share).
/// </summary>
internal sealed record ProcessSample(
    double AtSeconds, double RssMiB, int OpenFiles, int Threads, double GcHeapMiB, long Requests, long Errors, long Shed, long Skipped, double P99Milliseconds)
{
    /// <summary>Resident memory, open file descriptors, threads and GC heap now; -1 where /proc does not tell.</summary>
    public static (double RssMiB, int OpenFiles, int Threads, double GcHeapMiB) Take()
    {
        double rss = -1;
        var threads = -1;
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = int.Parse(line.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                }
            }
        }

        var files = Directory.Exists("/proc/self/fd") ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() : -1;
        return (rss, files, threads, GC.GetGCMemoryInfo().HeapSizeBytes / 1024.0 / 1024.0);
    }
}
