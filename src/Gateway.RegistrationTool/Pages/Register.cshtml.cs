using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using Gateway.RegistrationTool.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.RegistrationTool.Pages;

/// <summary>
/// Registering an interview: the form of all twelve items, checked by the same rules as the web services' RegisterInterview
/// and stored by the same operation. The form carries a request id made when it was opened, so sending it twice (a double
/// click, a reload) stores one registration, as a SOAP retry does.
/// </summary>
public sealed class RegisterModel(RegisterInterview register) : ToolPage
{
    [BindProperty]
    public InterviewInput Input { get; set; } = new();

    [BindProperty]
    public string? RequestId { get; set; }

    /// <summary>Whether the form may be shown: the agreement admits registering.</summary>
    public bool Admitted { get; private set; }

    public InterviewFormView Form => new(this, Input, Caller!.Responsible.Kind, Correcting: false);

    public void OnGet()
    {
        Input = InterviewInput.Blank(Caller!.Today);
        RequestId = ToolRequests.New();
        Admit();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.WithRows();
        if (Admit() is not { } admitted)
        {
            return Page();
        }

        var reading = Input.Read();
        if (reading.Interview is not { } interview)
        {
            Show(new Refusal(FaultCodes.RuleViolation, reading.Problems), reading.FieldOf);
            return Page();
        }

        RequestId = ToolRequests.Id(RequestId);
        var outcome = await register.HandleAsync(admitted.Agreement, admitted.Context, RequestId, interview, HttpContext.RequestAborted);
        if (outcome.IsRefused)
        {
            Show(outcome.Refusal, reading.FieldOf);
            return Page();
        }

        return Redirect(RegistrationModel.StoredPath(outcome.Value));
    }

    private (Domain.Agreements.Agreement Agreement, Domain.Agreements.CallerContext Context)? Admit()
    {
        var admitted = Caller!.Admit(RegisterInterview.Operation);
        if (admitted.IsRefused)
        {
            Show(admitted.Refusal);
            return null;
        }

        Admitted = true;
        return admitted.Value;
    }

}
