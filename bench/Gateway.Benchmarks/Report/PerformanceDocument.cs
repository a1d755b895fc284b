namespace Gateway.Benchmarks.Report;

/// <summary>docs/performance.md: a short header written once, then one dated section appended per run.</summary>
internal static class PerformanceDocument
{
    private const string Header = """
        # Performance

        Measured throughput and latency of the gateway, each run beside baselines that show what this machine
        can do at all. The figures are **measurements, not targets**: compare runs on the same machine, and read
        the ratios to the baselines rather than the absolute numbers.

        ## What is measured

        One run of `bench/Gateway.Benchmarks` does everything on 127.0.0.1 in one process and stops by itself:

        - a private embedded PostgreSQL in a fresh temporary folder, **durable** (fsync and synchronous commit on),
          stopped and deleted at the end;
        - the real gateway, composed as `Program.cs` composes it (`AddGateway`, `UseGateway`,
          `PrepareGatewayAsync`), database pool 16, log level Warning. Since connection agreements (§ 4) it
          serves HTTPS with client certificates: the run makes its own development CA, registers the load
          client's certificate and an Active agreement under the sandbox's identifiers, so the documented
          samples (with their CallContext header) are admitted as they stand. Runs before that measured the
          gateway over plain HTTP without the access layer;
        - three baselines, each its own minimal web application:
          - **fixed XML**: plain Kestrel answering a fixed document the size of a RegisterInterview response
            (the HTTP limit);
          - **bare SOAP**: SoapCore serving the same contract (`IContactCourseService`, XmlSerializer, SOAP 1.1)
            with canned answers, no guard, no validation, no store (the SOAP limit);
          - **bare SOAP + INSERT**: the same, with one plain INSERT per RegisterInterview into a simple table of
            the same database (the naive SOAP + database path);
          - **…, mTLS**: the bare endpoints again over HTTPS asking for the client certificate as the gateway does,
            with none of its checks: the transport part of the access layer's cost, so that the gateway's ratio
            to them shows what identify, authorize and the rest of the pipeline cost;
        - a closed-loop .NET client: N workers share one HttpClient (keep-alive HTTP/1.1), each sending its
          next request when the previous answer is read; a warm-up, then a measured window per scenario. A
          request counts only when it answers 2xx without a SOAP fault; anything else is an error.
        - Gateway RegisterInterview sends the sample request (`docs/samples/RegisterInterview.xml`) with a
          distinct valid CPR number per request, held today (Europe/Copenhagen), next contact three weeks
          later; since the access log, each registration also writes its access-log entry in the same
          statement. GetContactCourse reads citizens that each have three registrations, after an `ANALYZE`
          (see below); each read commits its access-log entry before it answers.
        - Gateway CorrectInterview (`docs/samples/CorrectInterview.xml`) corrects a distinct registration per
          request, from version 1 under a new request id: those RegisterInterview left, topped up through the
          gateway before the warm-up (not measured). Gateway ListRegistrations (`docs/samples/ListRegistrations.xml`)
          makes each worker a reader that follows NextCursor through the sandbox authority's writes in pages of
          100, starting again when the feed is exhausted; the run reports entries/s beside requests/s. Both come
          after the earlier scenarios, so those run on the same data as before.
        - After the load the gateway is stopped and one pass of the access-log sealer (`AccessLogSealer.SealAsync`)
          is timed over everything the run left unsealed, or, when the gateway's background sealer kept up, over a
          fresh batch of 50,000 entries; the run states which, and the fastest rate a scenario wrote entries at.

        Right after the run's tens of thousands of inserts, PostgreSQL has no statistics for the registration
        tables yet, and plans GetContactCourse with sequential scans of both of them. Autovacuum analyzes
        within about a minute, so the run runs `ANALYZE` before measuring reads, to measure the steady state
        rather than the first minute after a bulk load.

        The load client, the servers and PostgreSQL share the same cores (2 on the reference machine), so the
        client's own work is part of every figure: absolute numbers understate what a dedicated server does,
        and the ratios are the useful part. Other processes on the machine disturb the figures too: each run
        records the load average before it started and, per scenario, the cores that processes outside the
        benchmark used meanwhile ("Other CPU"); distrust a figure where that is above about 0.1. Each scenario also
        records the CPU time per successful request of the benchmark's process (load client and servers) and of its
        PostgreSQL (postmaster and every backend, the background duties' included), over the measured window ("CPU ms/request:
        benchmark + PostgreSQL"): other work disturbs it far less than requests/s, so it is what an A/B of a change compares.

        ## How to run

            pwsh ./build.ps1 bench
            dotnet run -c Release --project bench/Gateway.Benchmarks -- [--duration 10] [--warmup 3] [--concurrency 16] [--quick] [--no-write]

        Defaults take about three minutes. Each run appends its own dated section below and writes the same results as JSON to
        `docs/performance-runs/<UTC time>-load-<commit>.json` (machine, commit, options, and per scenario requests/s, p50, p99,
        errors, other CPU, CPU per request, and the ratios to the baselines); `--no-write` only prints. Two such files (or two scale or soak
        JSON files) are compared with

            dotnet run -c Release --project bench/Gateway.Benchmarks -- --compare A.json B.json

        which runs nothing and prints one tab-separated line per scenario: A, B and B/A for requests/s, p50, p99 and the CPU
        per request of the benchmark's process and of its PostgreSQL (`-` for runs before it was recorded), and the errors of both (a scenario only one run has gets `-`).

        The supervision scale run (issue 11) is separate and opt-in; it seeds a database of its own to each size in turn and
        measures the supervision report, overview and overdue list on it (about 25 minutes for these three sizes, most of it
        seeding 10M):

            dotnet run -c Release --project bench/Gateway.Benchmarks -- --supervision-scale 10000,1000000,10000000

        It appends a "Supervision at scale" section below and writes the same results as JSON to
        `docs/performance-supervision-scale.json` (the latest run only); `--help` lists its options.

        The gateway scale run (issue 13) grows a database of its own the same way (binary COPY of registrations, their versions
        and one access-log entry per version, as the gateway writes them), seals the seeded entries into the access-log chain
        with the gateway's own sealer (timed, and reported beside the seeding time), then hosts the real gateway on it and
        measures GetContactCourse and GetInterview of registrations drawn at random from the whole basis, RegisterInterview,
        and ListRegistrations of a seeded municipality's feed, at each size; afterwards it walks the chain from link 1 (up to
        2,000,000 entries; beyond that, `gatewayctl audit verify` on a folder kept with `--keep-data`):

            dotnet run -c Release --project bench/Gateway.Benchmarks -- --scale 10000,1000000,10000000

        It appends a "Gateway at scale" section below and writes JSON to `docs/performance-scale.json` (the latest run only).
        The seeding is that of the supervision run (most of its 25 minutes to 10M here), plus sealing (about 50,000 entries/s on a
        quiet machine, so some four minutes for the 10M basis's entries) and four scenarios per size.

        The soak sends a mix of calls open-loop (per 20 calls: 6 RegisterInterview, 7 GetContactCourse, 2 CorrectInterview,
        2 ListRegistrations, 3 Ping) at half the mix's peak, which it measures closed-loop first (or at `--rate N` calls/s),
        and samples every 10 s the process's resident memory, open files, threads, GC heap and the window's p99:

            dotnet run -c Release --project bench/Gateway.Benchmarks -- --soak 60

        It appends a "Soak" section below, writes JSON to `docs/performance-soak.json` (the latest run only), and says whether
        memory, open files and threads stayed flat (the last third of the samples against the first); it exits with 3 when
        there were errors or memory or open files grew.

        `--soak-connections N` bounds the client's connections to the gateway (default 1,024, as many as may be unanswered):
        with the default a slow second makes the client open a connection, a mutual TLS handshake, for each call then due, so
        the soak measures that storm as much as the gateway (the soak of 2026-12-04 18:26 below); with 64 a call that finds
        them all busy waits in the client, its latency still counted from when it was due.

        """;

    public static async Task AppendAsync(string path, string section, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, Header, cancellationToken);
        }

        await File.AppendAllTextAsync(path, "\n" + section, cancellationToken);
    }

    /// <summary>docs/performance.md of the repository the benchmark runs in.</summary>
    public static string DefaultPath() => RepositoryRoot.Find() is { } root
        ? Path.Combine(root, "docs", "performance.md")
        : throw new InvalidOperationException("No Gateway.sln above the current folder or the program; give --output PATH, or --no-write.");
}
