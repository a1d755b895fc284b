using Gateway.Data.Registrations;
using Gateway.Domain.Registrations;

namespace Gateway.RegistrationTool.Pages;

/// <summary>
/// The case worker's own recent registrations, corrections and cancellations in the tool, newest first. It shows the
/// case worker's own work (dates, kinds), no CPR number: a registration's content is read by opening it, through
/// GetInterview and its access-log entry.
/// </summary>
public sealed class RecentModel(RegistrationStore registrations) : ToolPage
{
    /// <summary>How many are shown.</summary>
    public const int Shown = 50;

    public IReadOnlyList<StoredRegistration> Versions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var admitted = Caller!.Admit(GetInterview.Operation);
        if (admitted.IsRefused)
        {
            Show(admitted.Refusal);
            return;
        }

        Versions = await registrations.RecentInToolAsync(
            [.. Caller.Agreements.Select(a => a.Id)], Caller.CaseWorker.CaseWorkerId, Shown, HttpContext.RequestAborted);
    }
}
