using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using Gateway.RegistrationTool.Session;
using Gateway.RegistrationTool.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.RegistrationTool.Pages;

/// <summary>
/// What every page has: the words in the chosen language, the signed-in case worker, and the refusal or the field
/// errors to show. A refusal is shown in the case worker's words; field errors are listed at the top, each a link to
/// its field, and shown again beside the field.
/// </summary>
public abstract class ToolPage : PageModel
{
    /// <summary>The cookie that holds the language chosen; absent means Danish.</summary>
    public const string LanguageCookie = "lang";

    private ToolText? _text;

    /// <summary>The words.</summary>
    public ToolText Text => _text ??= new ToolText(HttpContext.Request.Cookies[LanguageCookie] == "en" ? Language.English : Language.Danish);

    /// <summary>The signed-in case worker; null on the pages that need none.</summary>
    public ToolCaller? Caller => HttpContext.Features.Get<ToolCaller>();

    /// <summary>Why what was asked was not done; null when it was, or nothing was asked.</summary>
    public Refusal? Refused { get; protected set; }

    /// <summary>The field errors, in the order they are listed: the field's id and the text.</summary>
    public List<(string Field, string Text)> Errors { get; } = [];

    /// <summary>The error texts of field <paramref name="field"/>.</summary>
    public IEnumerable<string> ErrorsOf(string field) => Errors.Where(e => e.Field == field).Select(e => e.Text);

    /// <summary>Whether field <paramref name="field"/> has an error.</summary>
    public bool HasError(string field) => Errors.Exists(e => e.Field == field);

    /// <summary>
    /// The latest version of registration <paramref name="id"/>, read through GetInterview (so in the access log) for a
    /// page that is about to change it by <paramref name="operation"/>; null, with the refusal shown, when the case worker
    /// may not read it or make that operation, or when it is cancelled already.
    /// </summary>
    protected async Task<StoredRegistration?> ChangeableAsync(GetInterview getInterview, Guid id, string operation)
    {
        var read = Caller!.Admit(GetInterview.Operation);
        var admitted = read.IsRefused ? read : Caller.Admit(operation);
        if (admitted.IsRefused)
        {
            Show(admitted.Refusal);
            return null;
        }

        var history = await getInterview.HandleAsync(read.Value.Agreement, read.Value.Context, id, HttpContext.RequestAborted);
        if (history.IsRefused)
        {
            Show(history.Refusal);
            return null;
        }

        if (history.Value.Cancelled)
        {
            Show(new Refusal(FaultCodes.RegistrationCancelled));
            return null;
        }

        return history.Value.Current;
    }

    /// <summary>Shows <paramref name="refusal"/>: its field violations beside their fields (through <paramref name="fieldOf"/>), or its text.</summary>
    protected void Show(Refusal refusal, Func<FieldViolation, string>? fieldOf = null)
    {
        Refused = refusal;
        foreach (var violation in refusal.Fields)
        {
            Errors.Add((fieldOf?.Invoke(violation) ?? violation.Field, Text.Violation(violation)));
        }
    }
}
