using Gateway.Cli.Output;
using Gateway.Contracts.CodeLists;

namespace Gateway.Cli.Registrations;

/// <summary>The <c>registrations</c> commands' results as people read them; <c>--json</c> bypasses this.</summary>
public static class RegistrationsText
{
    /// <summary><c>registrations history</c>.</summary>
    public static void History(TextWriter writer, IReadOnlyList<VersionRecord> versions)
    {
        var table = new TextTable("VERSION", "CHANGE", "RECEIVED", "CHANNEL", "AGREEMENT", "OTHER ACTOR", "CASE WORKER", "LATE", "REASON");
        foreach (var v in versions)
        {
            table.Add(v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Change.ToString(), HumanText.Time(v.ReceivedAt), Channel(v.Channel),
                v.AgreementId?.ToString() ?? "-", v.OtherActor ?? "-", v.CaseWorkerId, v.Late ? "late" : "-", v.Reason ?? "-");
        }

        table.WriteTo(writer, "No versions.");
    }

    /// <summary>A channel as people name it.</summary>
    public static string Channel(RegistrationChannel channel) => channel switch
    {
        RegistrationChannel.WebServices => "web services",
        RegistrationChannel.RegistrationTool => "registration tool",
        _ => channel.ToString(),
    };
}
