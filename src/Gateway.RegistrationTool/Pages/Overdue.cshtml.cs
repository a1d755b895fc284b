using Gateway.Domain.Identifiers;
using Gateway.Domain.Supervision;

namespace Gateway.RegistrationTool.Pages;

/// <summary>
/// The overdue citizens of the case worker's responsible authority, through ListOverdueCitizens: the same supervision
/// scope, the same masking of CPR numbers unless the agreement names them, the same access-log entries. The page's
/// cursor names a date and a registration id, never a CPR number.
/// </summary>
public sealed class OverdueModel(ListOverdueCitizens listOverdue) : ToolPage
{
    /// <summary>How many citizens one page shows.</summary>
    public const int PageSize = 50;

    public OverdueList? List { get; private set; }

    public async Task OnGetAsync(string? efter)
    {
        var admitted = Caller!.Admit(ListOverdueCitizens.Operation);
        if (admitted.IsRefused)
        {
            Show(admitted.Refusal);
            return;
        }

        var agreement = admitted.Value.Agreement;
        var outcome = await listOverdue.HandleAsync(
            agreement, admitted.Value.Context, Caller.Responsible, Caller.Today, agreement.OverdueCpr, efter, PageSize, HttpContext.RequestAborted);
        if (outcome.IsRefused)
        {
            Show(outcome.Refusal);
            return;
        }

        List = outcome.Value;
    }

    /// <summary>A CPR number as the list may show it.</summary>
    public string Shown(string cpr) => List!.WithCpr ? cpr : Cpr.Mask(cpr);
}
