namespace Gateway.Benchmarks.Load;

/// <summary>
/// CPU time so far (Linux <c>/proc</c>, in clock ticks): the whole machine, and the benchmark's own processes
/// (this one and its PostgreSQL server). Two samples tell how much of the cores other work took meanwhile,
/// which on a shared machine says whether a figure can be trusted, and how much CPU each request cost the
/// benchmark's process and its PostgreSQL, which other work disturbs far less than requests per second.
/// </summary>
internal readonly record struct CpuSample(long MachineTotal, long MachineBusy, long Process, long Postgres)
{
    // The unit of /proc's CPU times (USER_HZ): 100 per second on Linux, whatever the kernel's own tick rate.
    private const double TicksPerSecond = 100;

    /// <summary>The benchmark's own processes together.</summary>
    public long Benchmark => Process + Postgres;

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
        var process = ProcessStat("self").Ticks;
        var postgres = 0L;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(folder);
            if (int.TryParse(name, out var pid) && ProcessStat(name) is var (parent, used, reaped) && (pid == postmasterPid || parent == postmasterPid))
            {
                // A backend or autovacuum worker that ends takes its time out of the live processes' sum; the postmaster
                // reaps it, and the kernel adds that time to the postmaster's children's time, so the total only grows.
                postgres += pid == postmasterPid ? used + reaped : used;
            }
        }

        return new CpuSample(total, total - ticks[3] - ticks[4], process, postgres);
    }

    /// <summary>Cores that processes outside the benchmark used between two samples, on average.</summary>
    public static double? OtherCores(CpuSample? before, CpuSample? after) =>
        before is { } b && after is { } a && a.MachineTotal > b.MachineTotal
            ? Math.Max(0, (a.MachineBusy - b.MachineBusy) - (a.Benchmark - b.Benchmark)) * (double)Environment.ProcessorCount / (a.MachineTotal - b.MachineTotal)
            : null;

    /// <summary>CPU time per request between two samples, of this process and of its PostgreSQL; null when unknown.</summary>
    public static CpuPerRequest? PerRequest(CpuSample? before, CpuSample? after, long requests) =>
        before is { } b && after is { } a && requests > 0
            ? new CpuPerRequest(Milliseconds(a.Process - b.Process) / requests, Milliseconds(a.Postgres - b.Postgres) / requests)
            : null;

    private static double Milliseconds(long ticks) => ticks * 1000 / TicksPerSecond;

    // /proc/PID/stat: "pid (comm) state ppid ... utime stime cutime cstime ..."; comm may hold spaces, so count fields
    // after ')'. Ticks is the process's own time, Reaped that of its ended children it has waited for.
    private static (int Parent, long Ticks, long Reaped) ProcessStat(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1]), long.Parse(fields[11]) + long.Parse(fields[12]), long.Parse(fields[13]) + long.Parse(fields[14]));
        }
        catch (IOException)
        {
            return (0, 0, 0); // The process ended between listing and reading.
        }
    }
}

/// <summary>
/// Milliseconds of CPU per successful request: the benchmark's process (load client and servers) and its PostgreSQL
/// (the postmaster and every backend, the background duties' included).
/// </summary>
internal readonly record struct CpuPerRequest(double ProcessMilliseconds, double PostgresMilliseconds);
