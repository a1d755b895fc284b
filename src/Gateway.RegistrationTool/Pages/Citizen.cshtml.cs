using Gateway.Domain.Registrations;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.RegistrationTool.Pages;

/// <summary>
/// Looking a citizen up by CPR number, through GetContactCourse: the same read scope and the same access-log entry, with
/// the case worker. The CPR number travels in the form's body, never in an address.
/// </summary>
public sealed class CitizenModel(GetContactCourse getContactCourse) : ToolPage
{
    [BindProperty]
    public string? Cpr { get; set; }

    /// <summary>The course found; null before a lookup or when it is refused.</summary>
    public CitizenCourse? Course { get; private set; }

    // The page is only its form (or its links): nothing to read before it is shown.
    public IActionResult OnGet() => Page();

    public async Task OnPostAsync()
    {
        var admitted = Caller!.Admit(GetContactCourse.Operation);
        if (admitted.IsRefused)
        {
            Show(admitted.Refusal);
            return;
        }

        // Only digits reach the operation: anything else is no CPR number, refused there before the store is asked.
        var cpr = Forms.InterviewInput.CprOf(Cpr);
        cpr = cpr.All(char.IsAsciiDigit) ? cpr : "?";
        var outcome = await getContactCourse.HandleAsync(admitted.Value.Agreement, admitted.Value.Context, cpr, HttpContext.RequestAborted);
        if (outcome.IsRefused)
        {
            Show(outcome.Refusal);
            return;
        }

        Course = outcome.Value;
    }
}
