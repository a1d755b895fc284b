using Microsoft.AspNetCore.Mvc;

namespace Gateway.RegistrationTool.Pages;

/// <summary>The front page: what the tool is for, and where to go.</summary>
public sealed class IndexModel : ToolPage
{
    // The page is only its form (or its links): nothing to read before it is shown.
    public IActionResult OnGet() => Page();
}
