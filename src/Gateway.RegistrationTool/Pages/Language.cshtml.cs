using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.RegistrationTool.Pages;

/// <summary>The language switch: a cookie that says English, or none for Danish, then back to the page it came from.</summary>
public sealed class LanguageModel : ToolPage
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? to, string? back)
    {
        if (to == "en")
        {
            Response.Cookies.Append(LanguageCookie, "en", new CookieOptions
            {
                Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
            });
        }
        else
        {
            Response.Cookies.Delete(LanguageCookie);
        }

        // Only a path of this site: nothing here redirects elsewhere.
        return LocalRedirect(back is { Length: > 0 } && Url.IsLocalUrl(back) ? back : "/");
    }
}
