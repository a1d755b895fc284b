using Gateway.RegistrationTool.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.RegistrationTool.Pages;

/// <summary>Sign-out: the session cookie is deleted; the next request needs a new sign-in.</summary>
public sealed class SignOutModel : ToolPage
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(SessionClaims.Scheme);
        return LocalRedirect("/logind?session=out");
    }
}
