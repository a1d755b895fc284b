using System.Text.RegularExpressions;

namespace Gateway.RegistrationTool.Pages;

/// <summary>
/// The request ids the tool's forms carry, made when a form is opened, so that sending it twice stores once. One the
/// browser altered into something the web services would not take is replaced, not trusted.
/// </summary>
internal static partial class ToolRequests
{
    public static string New() => "tool-" + Guid.NewGuid().ToString("N");

    public static string Id(string? posted) => posted is not null && Valid().IsMatch(posted) ? posted : New();

    [GeneratedRegex("^[!-~]{1,64}$")]
    private static partial Regex Valid();
}
