using Gateway.Cli.Output;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Systems;

/// <summary>The <c>systems</c> commands' results as people read them; <c>--json</c> bypasses this.</summary>
public static class SystemsText
{
    /// <summary><c>systems add</c>: the id alone, so that a script can capture it.</summary>
    public static void ItSystemAdded(TextWriter writer, ItSystemAdded result) => writer.WriteLine(result.Id);

    /// <summary><c>systems list</c>.</summary>
    public static void ItSystems(TextWriter writer, IReadOnlyList<ItSystemRecord> systems)
    {
        var table = new TextTable("ID", "NAME", "VENDOR CVR");
        foreach (var s in systems)
        {
            table.Add(s.Id.ToString(), s.Name, s.VendorCvr);
        }

        table.WriteTo(writer, "No IT systems; add one with `gatewayctl systems add`.");
    }
}
