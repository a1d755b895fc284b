namespace Gateway.Benchmarks.Load;

/// <summary>
/// CPU time so far (Linux <c>/proc</c>, in clock ticks): the whole machine, and the benchmark's own processes
/// (this one and its PostgreSQL server). Two samples tell how much of the cores other work took meanwhile,
/// which on a shared machine says whether a figure can be trusted.
/// </summary>
internal readonly record struct CpuSample(long MachineTotal, long MachineBusy, long Benchmark)
{
    /// <summary>Null where <c>/proc</c> is not there.</summary>
    public static CpuSample? Take(int postmasterPid)
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        // "cpu  user nice system idle iowait irq softirq steal ...": idle and iowait are the only idle time.
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var total = ticks.Sum();
        var benchmark = ProcessStat("self").Ticks;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(folder);
            if (int.TryParse(name, out var pid) && ProcessStat(name) is var (parent, used) && (pid == postmasterPid || parent == postmasterPid))
            {
                benchmark += used;
            }
        }

        return new CpuSample(total, total - ticks[3] - ticks[4], benchmark);
    }

    /// <summary>Cores that processes outside the benchmark used between two samples, on average.</summary>
    public static double? OtherCores(CpuSample? before, CpuSample? after) =>
        before is { } b && after is { } a && a.MachineTotal > b.MachineTotal
            ? Math.Max(0, (a.MachineBusy - b.MachineBusy) - (a.Benchmark - b.Benchmark)) * (double)Environment.ProcessorCount / (a.MachineTotal - b.MachineTotal)
            : null;

    // /proc/PID/stat: "pid (comm) state ppid ... utime stime ..."; comm may hold spaces, so count fields after ')'.
    private static (int Parent, long Ticks) ProcessStat(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1]), long.Parse(fields[11]) + long.Parse(fields[12]));
        }
        catch (IOException)
        {
            return (0, 0); // The process ended between listing and reading.
        }
    }
}
