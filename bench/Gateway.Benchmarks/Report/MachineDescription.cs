using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Npgsql;

namespace Gateway.Benchmarks.Report;

/// <summary>What the figures were measured on.</summary>
internal sealed partial record MachineDescription(
    int Cores, string Cpu, string Memory, string OperatingSystem, string DotNet, string Gc, string PostgreSql, string Durability, string LoadBeforeRun)
{
    /// <summary>The 1, 5 and 15 minute load averages; read before the run starts, anything above 0 is other work on the cores.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static async Task<MachineDescription> CollectAsync(NpgsqlDataSource database, string loadBeforeRun, CancellationToken cancellationToken)
    {
        var memoryKb = ProcValue("/proc/meminfo", MemTotal()) is { } kb && long.TryParse(kb, out var value) ? value : (long?)null;
        return new MachineDescription(
            Environment.ProcessorCount,
            ProcValue("/proc/cpuinfo", ModelName()) ?? RuntimeInformation.ProcessArchitecture.ToString(),
            memoryKb is { } total ? $"{total / 1024.0 / 1024.0:0.0} GiB" : "unknown",
            $"{ProcValue("/etc/os-release", PrettyName())?.Trim('"') ?? RuntimeInformation.OSDescription}, kernel {Kernel()}",
            RuntimeInformation.FrameworkDescription,
            GCSettings.IsServerGC ? "server GC" : "workstation GC",
            await SettingAsync(database, "server_version", cancellationToken),
            $"fsync={await SettingAsync(database, "fsync", cancellationToken)}, synchronous_commit={await SettingAsync(database, "synchronous_commit", cancellationToken)}",
            loadBeforeRun);
    }

    private static string Kernel() =>
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.Version.ToString();

    private static async Task<string> SettingAsync(NpgsqlDataSource database, string name, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select current_setting($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "unknown";
    }

    private static string? ProcValue(string file, Regex pattern) =>
        File.Exists(file) && pattern.Match(File.ReadAllText(file)) is { Success: true } match ? match.Groups[1].Value.Trim() : null;

    [GeneratedRegex(@"^model name\s*:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex ModelName();

    [GeneratedRegex(@"^MemTotal:\s*(\d+)\s*kB", RegexOptions.Multiline)]
    private static partial Regex MemTotal();

    [GeneratedRegex(@"^PRETTY_NAME=(.+)$", RegexOptions.Multiline)]
    private static partial Regex PrettyName();
}
