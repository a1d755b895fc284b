using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using Gateway.RegistrationTool.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.RegistrationTool.Pages;

/// <summary>Cancelling a registration with a reason, against the version seen; stored by the web services' CancelInterview operation.</summary>
public sealed class CancelModel(GetInterview getInterview, CancelInterview cancel) : ToolPage
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? RequestId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Guid Id { get; private set; }

    /// <summary>The registration's latest version, to show what is cancelled; null when it may not be read.</summary>
    public StoredRegistration? Current { get; private set; }

    /// <summary>Whether the form may be shown.</summary>
    public bool Admitted { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        Id = id;
        Current = await ChangeableAsync(getInterview, id, CancelInterview.Operation);
        if (Current is null)
        {
            return;
        }

        Version = Current.Version;
        RequestId = ToolRequests.New();
        Admitted = true;
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Id = id;
        var admitted = Caller!.Admit(CancelInterview.Operation);
        if (admitted.IsRefused)
        {
            Show(admitted.Refusal);
            return Page();
        }

        var outcome = await cancel.HandleAsync(
            admitted.Value.Agreement, admitted.Value.Context, ToolRequests.Id(RequestId), id, Version, InterviewInput.Lines(Reason) ?? "", HttpContext.RequestAborted);
        if (outcome.IsRefused)
        {
            Show(outcome.Refusal);
            Admitted = outcome.Refusal.Code == FaultCodes.RuleViolation;
            return Page();
        }

        return Redirect(RegistrationModel.StoredPath(outcome.Value));
    }
}
