using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using Gateway.RegistrationTool.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.RegistrationTool.Pages;

/// <summary>
/// Correcting a registration: the form filled with its latest version, a reason, and the version seen, so that a
/// correction made meanwhile by someone else is a conflict explained in plain words, not overwritten. Stored by the
/// web services' CorrectInterview operation.
/// </summary>
public sealed class CorrectModel(GetInterview getInterview, CorrectInterview correct) : ToolPage
{
    [BindProperty]
    public InterviewInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? RequestId { get; set; }

    public Guid Id { get; private set; }

    /// <summary>Whether the form may be shown.</summary>
    public bool Admitted { get; private set; }

    public InterviewFormView Form => new(this, Input, Caller!.Responsible.Kind, Correcting: true);

    public async Task OnGetAsync(Guid id)
    {
        Id = id;
        if (await ChangeableAsync(getInterview, id, CorrectInterview.Operation) is not { } current)
        {
            return;
        }

        Input = InterviewInput.Of(current.Interview);
        Version = current.Version;
        RequestId = ToolRequests.New();
        Admitted = true;
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Id = id;
        Input.WithRows();
        var admitted = Caller!.Admit(CorrectInterview.Operation);
        if (admitted.IsRefused)
        {
            Show(admitted.Refusal);
            return Page();
        }

        Admitted = true;
        var reading = Input.Read();
        Reason = InterviewInput.Lines(Reason);
        var reasonProblems = RegistrationRules.CheckReason(Reason);
        if (reading.Interview is not { } interview || reasonProblems.Count > 0)
        {
            Show(new Refusal(FaultCodes.RuleViolation, [.. reasonProblems, .. reading.Problems]), reading.FieldOf);
            return Page();
        }

        var outcome = await correct.HandleAsync(
            admitted.Value.Agreement, admitted.Value.Context, ToolRequests.Id(RequestId), id, Version, Reason!, interview, HttpContext.RequestAborted);
        if (outcome.IsRefused)
        {
            Show(outcome.Refusal, reading.FieldOf);
            // A stale version or a cancelled registration cannot be fixed in this form: it is opened anew from the history.
            Admitted = outcome.Refusal.Code != FaultCodes.StaleVersion && outcome.Refusal.Code != FaultCodes.RegistrationCancelled;
            return Page();
        }

        return Redirect(RegistrationModel.StoredPath(outcome.Value));
    }
}
