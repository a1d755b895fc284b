using System.Globalization;
using Gateway.Benchmarks.Supervision;

namespace Gateway.Benchmarks;

/// <summary>What one benchmark run does, from the command line.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        Gateway.Benchmarks: throughput and latency of the ContactCourse gateway on loopback, beside baselines.

        Usage: dotnet run -c Release --project bench/Gateway.Benchmarks -- [options]

        One run, all on 127.0.0.1, stops by itself:
          1. starts a private, durable embedded PostgreSQL in a fresh folder under the temp directory;
          2. hosts the real gateway in-process on Kestrel (composed as Program.cs does: AddGateway,
             UseGateway, PrepareGatewayAsync; connection pool 16, log level Warning);
          3. hosts three baselines, each on its own port: fixed XML over plain Kestrel, a bare SoapCore
             endpoint of the same contract with a canned answer, and that endpoint doing one INSERT;
          4. drives each scenario with a closed-loop client (N workers, one HttpClient): warm-up, then
             measurement; prints requests/s, p50, p99 and errors, and the gateway's ratios to the baselines.
             The gateway's scenarios: Ping, RegisterInterview, GetContactCourse, then CorrectInterview (of
             registrations prepared beforehand, unmeasured) and ListRegistrations (each worker a reader
             following NextCursor, pages of 100);
          5. stops the gateway and times one pass of the access-log sealer over what the run left unsealed
             (or over a fresh batch, when the gateway's own sealer kept up);
          6. appends the results, with the machine's description, to docs/performance.md, and writes them as JSON to
             docs/performance-runs/<UTC time>-load-<commit>.json (machine, commit, options, per scenario requests/s,
             p50, p99, errors, other CPU, and the ratios), for --compare;
          7. stops every server and PostgreSQL and deletes the temporary folder, also on failure.

        Supervision scale run (opt-in, instead of the above; 10000,1000000,10000000 took 25 minutes here):
          --supervision-scale N,N,...
                                 starts its own private durable PostgreSQL, applies the migrations, registers the 98
                                 municipalities, five Employment Service units and three other actors with agreements,
                                 then grows the data basis to each size in turn (registrations, e.g. 10000,1000000,10000000)
                                 with binary COPY (progress on stderr) and measures the supervision report, overview and
                                 overdue list at each size; appends the results to docs/performance.md and writes them as
                                 JSON to docs/performance-supervision-scale.json
          --seed-indexes rebuild|keep
                                 drop the secondary indexes before each load and make them again after it (rebuild, the
                                 default: half the time at 1M) or load with every index in place (keep)
          --keep-data DIR        use DIR for PostgreSQL and keep it afterwards (development: EXPLAIN, or a later run that
                                 grows or measures the same basis again); without it the folder is temporary and deleted

        Gateway scale run (opt-in, instead of the above):
          --scale N,N,...        like --supervision-scale, grows a private basis to each size in turn (e.g. 10000,1000000,10000000
                                 registrations, each version with its access-log entry, binary COPY, progress on stderr), seals the
                                 seeded entries into the access-log chain, then hosts the real gateway on it and measures
                                 GetContactCourse, GetInterview, RegisterInterview and ListRegistrations (requests/s, p50, p99) with
                                 --concurrency, --warmup and --duration; walks the chain afterwards up to 2,000,000 entries; appends a
                                 section to docs/performance.md and writes JSON to docs/performance-scale.json. --seed-indexes and
                                 --keep-data apply as above

        Soak (opt-in, instead of the above):
          --soak MINUTES         hosts the gateway as the load run does, measures the peak of a mix of calls closed-loop (with
                                 --concurrency, --warmup, --duration), then sends the mix open-loop at half that peak for MINUTES
                                 (per 20 calls: 6 RegisterInterview, 7 GetContactCourse, 2 CorrectInterview, 2 ListRegistrations,
                                 3 Ping), sampling every 10 s the process's RSS, open files (/proc/self/fd), threads, GC heap and
                                 the window's p99; reports whether RSS and handles stayed flat (last third against first third)
                                 and the errors; appends a section to docs/performance.md and writes JSON to
                                 docs/performance-soak.json
          --rate N               the soak's rate in calls/s, instead of half the measured peak
          --soak-connections N   the most connections the soak's client keeps to the gateway (default 1024, as many as calls
                                 may be unanswered); a call that finds them all busy waits in the client for one, and its
                                 latency still counts from when it was due. With the default, a slow second makes the client
                                 open new connections, each a mutual TLS handshake (docs/performance.md, the soak of
                                 2026-12-04 18:26)

        Options:
          --duration SECONDS     measurement time per scenario (default 10)
          --warmup SECONDS       warm-up time per scenario, not measured (default 3)
          --concurrency N        concurrent client workers (default 16)
          --max-requests N       measured requests per scenario at most (default 1000000)
          --quick                smoke run: --warmup 1 --duration 2
          --output PATH          the document to append to (default docs/performance.md of the repository)
          --no-write             print the results only (no Markdown section, no JSON)
          --otlp                 the load run's gateway exports every call's trace and its metrics over OTLP/HTTP, to a receiver
                                 on loopback that reads, counts and discards them: what exporting costs the gateway
          --scrape SECONDS       scrape the load run's gateway's /metrics every SECONDS while it runs, as Prometheus would
          --compare A.json B.json
                                 compare two run records (docs/performance-runs/*.json, or the scale and soak JSON): one
                                 tab-separated line per scenario with A, B and B/A for requests/s, p50 and p99, and the
                                 errors of both; runs nothing else
          --help                 this text

        Exit code: 0 when every request succeeded, 1 when the run failed, 2 for bad arguments,
        3 when some requests failed (the results are still printed and written); a scale run also when the access-log chain
        it walked is broken, a soak also when its memory or open files grew.
        """;

    public double DurationSeconds { get; init; } = 10;

    public double WarmupSeconds { get; init; } = 3;

    public int Concurrency { get; init; } = 16;

    public int MaxRequests { get; init; } = 1_000_000;

    public bool Quick { get; init; }

    public bool Write { get; init; } = true;

    /// <summary>Whether the gateway exports its traces and metrics over OTLP, to a loopback receiver that discards them (<c>--otlp</c>).</summary>
    public bool Otlp { get; init; }

    /// <summary>How often /metrics is scraped during the run, in seconds; null for never (<c>--scrape</c>).</summary>
    public double? ScrapeSeconds { get; init; }

    public string? OutputPath { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>The two run records --compare reads (A, then B); null for a measuring run.</summary>
    public (string A, string B)? Compare { get; init; }

    /// <summary>The sizes of the supervision scale run, in registrations; empty for the load benchmark.</summary>
    public IReadOnlyList<long> SupervisionScale { get; init; } = [];

    /// <summary>The sizes of the gateway scale run, in registrations; empty unless --scale.</summary>
    public IReadOnlyList<long> GatewayScale { get; init; } = [];

    /// <summary>The soak's length in minutes; 0 unless --soak.</summary>
    public double SoakMinutes { get; init; }

    /// <summary>The soak's calls per second; null for half the mix's measured closed-loop peak.</summary>
    public double? SoakRate { get; init; }

    /// <summary>The most connections the soak's open-loop client keeps (<c>--soak-connections</c>).</summary>
    public int SoakConnections { get; init; } = Soak.OpenLoopLoad.MaxInFlight;

    /// <summary>How the seeding step treats the indexes; rebuilding them took half the time of keeping them at 1M (docs/performance.md).</summary>
    public SeedIndexes SeedIndexes { get; init; } = SeedIndexes.Rebuild;

    public string? KeepDataDirectory { get; init; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the bad argument.</summary>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            options = arg switch
            {
                "--duration" => options with { DurationSeconds = Positive(arg, Value(args, ref i)) },
                "--warmup" => options with { WarmupSeconds = NonNegative(arg, Value(args, ref i)) },
                "--concurrency" => options with { Concurrency = (int)Positive(arg, Value(args, ref i), integer: true) },
                "--max-requests" => options with { MaxRequests = (int)Positive(arg, Value(args, ref i), integer: true) },
                "--quick" => options with { Quick = true, WarmupSeconds = 1, DurationSeconds = 2 },
                "--output" => options with { OutputPath = Value(args, ref i) },
                "--no-write" => options with { Write = false },
                "--otlp" => options with { Otlp = true },
                "--scrape" => options with { ScrapeSeconds = Positive(arg, Value(args, ref i)) },
                "--supervision-scale" => options with { SupervisionScale = Sizes(arg, Value(args, ref i)) },
                "--soak" => options with { SoakMinutes = Positive(arg, Value(args, ref i)) },
                "--rate" => options with { SoakRate = Positive(arg, Value(args, ref i)) },
                "--soak-connections" => options with { SoakConnections = (int)Positive(arg, Value(args, ref i), integer: true) },
                "--scale" => options with { GatewayScale = Sizes(arg, Value(args, ref i)) },
                "--seed-indexes" => options with { SeedIndexes = Value(args, ref i) switch
                {
                    "keep" => SeedIndexes.Keep,
                    "rebuild" => SeedIndexes.Rebuild,
                    var other => throw new ArgumentException($"--seed-indexes is keep or rebuild, not '{other}'."),
                } },
                "--keep-data" => options with { KeepDataDirectory = Value(args, ref i) },
                "--compare" => options with { Compare = Pair(args, ref i) },
                "--help" or "-h" or "-?" => options with { ShowHelp = true },
                _ => throw new ArgumentException($"Unknown argument '{arg}'. See --help."),
            };
        }

        return options.MaxRequests < options.Concurrency
            ? throw new ArgumentException("--max-requests must be at least --concurrency.")
            : options;
    }

    /// <summary>The options as a run record states them: every setting that shapes the figures, by its command-line name.</summary>
    public SortedDictionary<string, string> Describe()
    {
        var described = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["duration"] = DurationSeconds.ToString(CultureInfo.InvariantCulture),
            ["warmup"] = WarmupSeconds.ToString(CultureInfo.InvariantCulture),
            ["concurrency"] = Concurrency.ToString(CultureInfo.InvariantCulture),
            ["max-requests"] = MaxRequests.ToString(CultureInfo.InvariantCulture),
            ["quick"] = Quick ? "true" : "false",
        };
        if (Otlp)
        {
            described["otlp"] = "true";
        }

        if (ScrapeSeconds is { } scrape)
        {
            described["scrape"] = scrape.ToString(CultureInfo.InvariantCulture);
        }

        return described;
    }

    // Sizes in increasing order, each a whole number of registrations; the basis only grows.
    private static long[] Sizes(string name, string text)
    {
        var sizes = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                : throw new ArgumentException($"{name} needs sizes such as 10000,1000000,10000000, not '{s}'."))
            .ToArray();
        return sizes.Length > 0 && sizes.Zip(sizes.Skip(1)).All(p => p.First < p.Second) ? sizes
            : throw new ArgumentException($"{name} needs one or more sizes in increasing order.");
    }

    // --compare A.json B.json: two values, named as such when one is missing.
    private static (string A, string B) Pair(IReadOnlyList<string> args, ref int i) =>
        i + 2 < args.Count ? (args[++i], args[++i]) : throw new ArgumentException("--compare needs two run records: --compare A.json B.json.");

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value. See --help.");

    private static double Positive(string name, string text, bool integer = false) =>
        Number(name, text, integer) is var value and > 0 ? value : throw new ArgumentException($"{name} must be more than 0.");

    private static double NonNegative(string name, string text) =>
        Number(name, text, integer: false) is var value and >= 0 ? value : throw new ArgumentException($"{name} must be 0 or more.");

    private static double Number(string name, string text, bool integer)
    {
        var ok = integer
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? (double?)whole : null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real) ? real : null;
        return ok ?? throw new ArgumentException($"{name} needs a number, not '{text}'.");
    }
}
