using Gateway.Data.Database;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

/// <summary>The embedded PostgreSQL the gateway starts when no connection string is configured.</summary>
[TestFixture]
public sealed class EmbeddedPostgresTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "gateway-embedded-" + Guid.NewGuid().ToString("N")[..12]);

    [TearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public async Task StartAsync_AgainOnTheSameFolder_KeepsTheDataAndThePassword()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _folder, Durable = false };
        await using (var first = await EmbeddedPostgres.StartAsync(options, CancellationToken.None))
        {
            await ExecuteAsync(first.ConnectionString, "create table kept (value text); insert into kept values ('still here')");
        }

        await using var second = await EmbeddedPostgres.StartAsync(options, CancellationToken.None);
        await using var connection = new NpgsqlConnection(second.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("select value from kept", connection);
        Assert.That(await read.ExecuteScalarAsync(), Is.EqualTo("still here"));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task StartAsync_PrivateFolder_StartsAndLeavesTheFolderAndItsOtherFilesToItsOwner()
    {
        // A folder only its owner may enter (as Directory.CreateTempSubdirectory makes): the server still starts.
        Directory.CreateDirectory(_folder);
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await File.WriteAllTextAsync(Path.Combine(_folder, "secret.key"), "private");

        await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _folder, Durable = false }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(new DirectoryInfo(_folder).UnixFileMode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite), Is.EqualTo((UnixFileMode)0));
            Assert.That(OwnerOf(Path.Combine(_folder, "secret.key")), Is.EqualTo(OwnerOf(_folder)));
            Assert.That(OwnerOf(Path.Combine(_folder, "credentials")), Is.EqualTo(OwnerOf(_folder)));
        });
    }

    [Test]
    public async Task StartAsync_FolderInUseByAnotherServer_IsRefusedWithAMessageNamingTheSetting()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _folder, Durable = false };
        await using var first = await EmbeddedPostgres.StartAsync(options, CancellationToken.None);

        var error = Assert.ThrowsAsync<EmbeddedDatabaseException>(() => EmbeddedPostgres.StartAsync(options, CancellationToken.None))!;

        Assert.That(error.Message, Does.Contain("Gateway:EmbeddedDatabase:DataDirectory"));
        await ExecuteAsync(first.ConnectionString, "select 1");
    }

    [Test]
    public async Task DisposeAsync_AfterStart_StopsTheServer()
    {
        var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _folder, Durable = false }, CancellationToken.None);
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false }.ConnectionString;
        await server.DisposeAsync();

        Assert.ThrowsAsync<NpgsqlException>(() => ExecuteAsync(connectionString, "select 1"));
    }

    [Test]
    public void FindDirectory_NoProgramsOnPathOrInstalled_FindsNothingAndTheHintSaysWhatToInstall()
    {
        Directory.CreateDirectory(_folder);
        Assert.Multiple(() =>
        {
            Assert.That(PostgresBinaries.FindDirectory(_folder, Path.Combine(_folder, "none")), Is.Null);
            Assert.That(PostgresBinaries.InstallHint, Does.Contain("apt-get install postgresql").And.Contain("ConnectionStrings:Gateway"));
        });
    }

    [Test]
    public void FindDirectory_VersionedInstallFolders_TakesTheNewestComplete()
    {
        foreach (var (version, complete) in new[] { ("13", true), ("16", true), ("17", false) })
        {
            var bin = Directory.CreateDirectory(Path.Combine(_folder, version, "bin")).FullName;
            foreach (var program in complete ? new[] { "initdb", "pg_ctl", "postgres" } : ["pg_ctl"])
            {
                File.WriteAllText(Path.Combine(bin, program), "");
            }
        }

        Assert.That(PostgresBinaries.FindDirectory("", _folder), Is.EqualTo(Path.Combine(_folder, "16", "bin")));
    }

    private static string OwnerOf(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%U", path]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var owner = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return owner;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
