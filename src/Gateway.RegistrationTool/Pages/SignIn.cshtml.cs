using Gateway.Certificates;
using Gateway.Data.Agreements;
using Gateway.Domain.Calendar;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.RegistrationTool.Hosting;
using Gateway.RegistrationTool.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Gateway.RegistrationTool.Pages;

/// <summary>
/// Sign-in with the certificate the browser presents: it must chain to the gateway's CA bundle, be registered to a case
/// worker, and one of the authority's registration-tool agreements must admit at least one of the tool's operations.
/// An other actor's case worker chooses here the authority acted for.
/// </summary>
public sealed class SignInModel(CaseWorkerStore caseWorkers, AgreementStore agreements, DanishCalendar calendar, ToolListener listener, IOptions<RegistrationToolOptions> options) : ToolPage
{
    /// <summary>The presented certificate's subject; null when none is presented.</summary>
    public string? Subject { get; private set; }

    /// <summary>For an other actor: the authorities to choose from.</summary>
    public IReadOnlyList<AuthorityId> Principals { get; private set; } = [];

    /// <summary>Whether the previous session ended (timed out, signed out, or its certificate changed).</summary>
    public bool SessionEnded { get; private set; }

    /// <summary>Whether the case worker has just signed out.</summary>
    public bool SignedOut { get; private set; }

    /// <summary>The session's rules, for the page.</summary>
    public RegistrationToolOptions Session => options.Value;

    [BindProperty]
    public string? Principal { get; set; }

    public async Task OnGetAsync(string? session)
    {
        SessionEnded = session == "ended";
        SignedOut = session == "out";
        await CheckAsync(admitSignIn: false);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var admitted = await CheckAsync(admitSignIn: true);
        if (admitted is not { } thumbprint)
        {
            return Page();
        }

        await HttpContext.SignInAsync(SessionClaims.Scheme, SessionClaims.For(thumbprint, calendar.Clock.GetUtcNow(), SessionClaims.Parse(Principal)));
        return LocalRedirect("/");
    }

    // What the certificate allows; with admitSignIn, the thumbprint to sign in with when it allows it.
    private async Task<string?> CheckAsync(bool admitSignIn)
    {
        var certificate = HttpContext.Connection.ClientCertificate;
        if (certificate is null)
        {
            Refused = admitSignIn ? new Refusal(FaultCodes.CertificateRequired) : null;
            return null;
        }

        Subject = certificate.Subject;
        if (!listener.Trusts(certificate))
        {
            Refused = new Refusal(FaultCodes.CertificateUntrusted);
            return null;
        }

        var thumbprint = CertificateThumbprint.Of(certificate);
        var caseWorker = await caseWorkers.FindAsync(thumbprint, HttpContext.RequestAborted);
        var toolAgreements = caseWorker is null ? [] : await agreements.ListToolAgreementsAsync(caseWorker.Authority, HttpContext.RequestAborted);
        Principals = caseWorker?.Authority.Kind == Contracts.CodeLists.AuthorityKind.OtherActor ? ToolCaller.PrincipalsOf(toolAgreements) : [];
        var principal = SessionClaims.Parse(Principal);
        if (admitSignIn && Principals.Count > 0 && (principal is null || !Principals.Contains(principal)))
        {
            Errors.Add(("Principal", Text.Violation(new FieldViolation("Principal", "Form.Choice", "Choose a value from the list."))));
            Refused = new Refusal(FaultCodes.NotActingForPrincipal);
            return null;
        }

        var now = calendar.Clock.GetUtcNow();
        Refusal? refused = null;
        foreach (var operation in ToolCaller.ToolOperations)
        {
            var outcome = CaseWorkerSignIn.Admit(caseWorker, toolAgreements, principal, operation, listener.Environment, now, calendar.DayOf(now), HttpContext.TraceIdentifier);
            if (!outcome.IsRefused)
            {
                return admitSignIn ? thumbprint : null;
            }

            refused ??= outcome.Refusal;
        }

        // Shown before signing in too: a case worker whose certificate is unknown or revoked learns it at once.
        Refused = admitSignIn || refused!.Code != FaultCodes.NotActingForPrincipal ? refused : null;
        return null;
    }
}
