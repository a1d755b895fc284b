using Gateway.Domain.Registrations;
using Microsoft.AspNetCore.Http.Extensions;

namespace Gateway.RegistrationTool.Pages;

/// <summary>
/// One registration with its whole history, read through GetInterview: in the access log with the case worker, within
/// the agreement's read scope. Each version shows the channel it came through.
/// </summary>
public sealed class RegistrationModel(GetInterview getInterview) : ToolPage
{
    /// <summary>The registration; null when it may not be read.</summary>
    public RegistrationHistory? History { get; private set; }

    /// <summary>The version just stored by this case worker, to confirm; null otherwise.</summary>
    public int? StoredVersion { get; private set; }

    /// <summary>The warnings of what was just stored.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>Where a stored receipt is confirmed: the registration's page, saying which version was stored and its warnings' codes.</summary>
    public static string StoredPath(Receipt receipt)
    {
        var query = new QueryBuilder { { "gemt", receipt.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        foreach (var warning in receipt.Warnings)
        {
            query.Add("advarsel", warning.Code);
        }

        return $"/registrering/{receipt.RegistrationId}{query}";
    }

    public async Task OnGetAsync(Guid id, int? gemt, string[]? advarsel)
    {
        StoredVersion = gemt;
        Warnings = advarsel ?? [];
        var admitted = Caller!.Admit(GetInterview.Operation);
        if (admitted.IsRefused)
        {
            Show(admitted.Refusal);
            return;
        }

        var outcome = await getInterview.HandleAsync(admitted.Value.Agreement, admitted.Value.Context, id, HttpContext.RequestAborted);
        if (outcome.IsRefused)
        {
            Show(outcome.Refusal);
            return;
        }

        History = outcome.Value;
    }
}
