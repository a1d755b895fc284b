using Gateway.Contracts.CodeLists;
using System.Net;
using System.Text.Json;
using Gateway.Data.Registrations;
using Gateway.Host.Sandbox;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.RegistrationTool;

/// <summary>
/// The registration tool over real HTTPS with real client certificates, as a browser speaks to it: sign-in, the session
/// cookie, registering through the same operation and rules as the web services, reads in the access log with the case
/// worker, anti-forgery, and refusals on the next request after an operator acts.
/// </summary>
public sealed class ToolPagesTests
{
    private ToolSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ToolSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private RegistrationStore Store => _site.Gateway.Services.GetRequiredService<RegistrationStore>();

    private async Task<ToolClient> SignedInAsync()
    {
        var client = _site.Client();
        var answer = await client.SignInAsync();
        Assert.That((answer.Status, answer.Location), Is.EqualTo((HttpStatusCode.Found, "/")), answer.Text);
        return client;
    }

    [Test]
    public async Task Page_WithoutSession_RedirectsToSignIn()
    {
        using var client = _site.Client();
        var answer = await client.GetAsync("/registrer");
        Assert.That((answer.Status, answer.Location), Is.EqualTo((HttpStatusCode.Found, "/logind?ReturnUrl=%2Fregistrer")));
    }

    [Test]
    public async Task SignIn_RegisteredCaseWorker_SetsSecureHttpOnlyStrictSessionCookie()
    {
        using var client = _site.Client();
        var answer = await client.SignInAsync();
        var cookie = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-session=", StringComparison.Ordinal));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Location, Is.EqualTo("/"));
            Assert.That(cookie, Does.Contain("secure").IgnoreCase);
            Assert.That(cookie, Does.Contain("httponly").IgnoreCase);
            Assert.That(cookie, Does.Contain("samesite=strict").IgnoreCase);
            Assert.That(cookie, Does.Contain("path=/"));
        }
    }

    [Test]
    public async Task Pages_AnyPage_SendStrictContentSecurityPolicyAndNoCaching()
    {
        using var client = await SignedInAsync();
        var answer = await client.GetAsync("/registrer");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'self'"));
            Assert.That(answer.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(answer.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
            Assert.That(answer.Headers.Contains("Strict-Transport-Security"), Is.False, "no HSTS for a loopback host, which would bind the browser's other local sites");
            Assert.That(answer.Html, Does.Not.Contain("<script"), "the tool works without script");
            Assert.That(answer.Html, Does.Not.Match("(src|href)=\"(https?:)?//"), "no asset from elsewhere");
        }
    }

    [Test]
    public async Task SignIn_NoCertificate_ExplainsHowToInstallOneAndAdmitsNothing()
    {
        using var client = _site.ClientWithoutCertificate();
        var page = await client.GetAsync("/logind");
        var answer = await client.PostAsync("/logind", [], withToken: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Text, Does.Contain("Installér dit medarbejdercertifikat"));
            Assert.That(page.Html, Does.Not.Contain("<form method=\"post\">"), "nothing to sign in with");
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(answer.Headers.Contains("Set-Cookie") && answer.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("__Host-session", StringComparison.Ordinal)), Is.False);
        }
    }

    [Test]
    public async Task SignIn_UnregisteredCertificate_RefusedInDanish()
    {
        using var stranger = TestPki.IssueClient("Ukendt sagsbehandler");
        using var client = _site.Client(stranger);
        var answer = await client.SignInAsync();

        Assert.That((answer.Status, answer.Text), Is.EqualTo((HttpStatusCode.OK, answer.Text)));
        Assert.That(answer.Text, Does.Contain("ikke registreret til en sagsbehandler").And.Contain("Client.Authentication.CertificateUnknown"));
    }

    [Test]
    public async Task SignIn_CertificateOfAnotherCa_RefusedAsUntrusted()
    {
        using var otherCa = Gateway.Certificates.DevelopmentCertificateAuthority.Create("Some other CA");
        using var foreign = otherCa.IssueClient("Fremmed");
        await _site.CaseWorkers.AddAsync(SandboxIdentity.Authority, "foreign-1", foreign, "tests", CancellationToken.None);
        using var client = _site.Client(foreign);
        var answer = await client.SignInAsync();

        Assert.That(answer.Text, Does.Contain("Client.Authentication.CertificateUntrusted"));
    }

    [Test]
    public async Task Register_CompleteForm_StoredOnceThroughTheToolWithTheCaseWorker()
    {
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var requestId = client.Hidden("RequestId");
        var cpr = TestCitizens.Next();

        var first = await client.PostAsync("/registrer", ToolForms.Complete(cpr, requestId));
        var again = await client.PostAsync("/registrer", ToolForms.Complete(cpr, requestId));
        var id = first.StoredRegistrationId;
        var history = await Store.HistoryAsync(id, CancellationToken.None);
        var page = await client.GetAsync(first.Location!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.Found), first.Text);
            Assert.That(again.Location, Is.EqualTo(first.Location), "a double submit answers the first registration");
            Assert.That(history, Has.Count.EqualTo(1));
            Assert.That(history[0].Channel, Is.EqualTo(RegistrationChannel.RegistrationTool));
            Assert.That(history[0].CaseWorkerId, Is.EqualTo(ToolSite.CaseWorkerId));
            Assert.That(history[0].AgreementId, Is.EqualTo(_site.Agreement.Id));
            Assert.That(history[0].Interview.Cpr, Is.EqualTo(cpr));
            Assert.That(page.Text, Does.Contain("Registreringen er gemt").And.Contain("registreringsværktøjet"));
        }
    }

    [Test]
    public async Task Register_SameInterviewAsSoap_StoredIdenticallyExceptTheChannelAndAgreement()
    {
        var cpr = TestCitizens.Next();
        var soap = await _site.Gateway.Client().RegisterInterview("soap-" + Guid.NewGuid().ToString("N"), SampleRegistrations.Complete(cpr));
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var tool = await client.PostAsync("/registrer", ToolForms.Complete(cpr, client.Hidden("RequestId")));

        var viaSoap = (await Store.HistoryAsync(soap.RegistrationId, CancellationToken.None)).Single();
        var viaTool = (await Store.HistoryAsync(tool.StoredRegistrationId, CancellationToken.None)).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonSerializer.Serialize(viaTool.Interview), Is.EqualTo(JsonSerializer.Serialize(viaSoap.Interview)), "every item, as stored");
            Assert.That(viaTool.ResponsibleAuthority, Is.EqualTo(viaSoap.ResponsibleAuthority));
            Assert.That(viaTool.OtherActor, Is.EqualTo(viaSoap.OtherActor));
            Assert.That(viaTool.CaseWorkerId, Is.EqualTo(viaSoap.CaseWorkerId));
            Assert.That(viaTool.Late, Is.EqualTo(viaSoap.Late));
            Assert.That(viaTool.Change, Is.EqualTo(viaSoap.Change));
            Assert.That((viaSoap.Channel, viaTool.Channel), Is.EqualTo((RegistrationChannel.WebServices, RegistrationChannel.RegistrationTool)));
        }
    }

    [Test]
    public async Task WebServiceReads_ToolRegistrationCorrectedOverSoap_ReturnTheChannelOfEveryVersion()
    {
        var cpr = TestCitizens.Next();
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var id = (await client.PostAsync("/registrer", ToolForms.Minimal(cpr, client.Hidden("RequestId")))).StoredRegistrationId;
        var soap = _site.Gateway.Client();
        var registeredInTool = (await soap.GetContactCourse(cpr)).Registrations.Single();
        await soap.CorrectInterview("soap-" + Guid.NewGuid().ToString("N"), id, 1, "Forkert matchkategori.", SampleRegistrations.Minimal(cpr));

        var shown = (await soap.GetContactCourse(cpr)).Registrations.Single();
        var versions = (await soap.GetInterview(id)).Versions;
        var entries = new List<Gateway.Contracts.Types.RegistrationChange>();
        string? cursor = null;
        Gateway.Contracts.Types.RegistrationPage page;
        do
        {
            page = await soap.ListRegistrations(cursor, 500);
            entries.AddRange(page.Entries.Where(e => e.RegistrationId == id));
            cursor = page.NextCursor;
        }
        while (page.More);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((registeredInTool.Version, registeredInTool.Channel), Is.EqualTo((1, RegistrationChannel.RegistrationTool)), "GetContactCourse, before the correction");
            Assert.That((shown.Version, shown.Channel), Is.EqualTo((2, RegistrationChannel.WebServices)), "GetContactCourse shows the channel of the version shown");
            Assert.That(versions.Select(v => v.Channel), Is.EqualTo(new[] { RegistrationChannel.RegistrationTool, RegistrationChannel.WebServices }), "GetInterview");
            Assert.That(entries.Select(e => e.Channel), Is.EqualTo(new[] { RegistrationChannel.RegistrationTool, RegistrationChannel.WebServices }), "ListRegistrations");
        }
    }

    [Test]
    public async Task Register_InvalidFields_ShowsEachViolationInDanishBesideItsFieldAndStoresNothing()
    {
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var before = await _site.Gateway.CountAsync("registration");
        var form = ToolForms.Complete("3201901234", client.Hidden("RequestId"))
            .With("Input.Agreements[1].Text", "")
            .With("Input.Goals[1].OccupationCode", "91")
            .With("Input.HeldOn", "2026-13-40");

        var answer = await client.PostAsync("/registrer", form);
        var fixedDate = await client.PostAsync("/registrer", form.With("Input.HeldOn", SampleRegistrations.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Html, Does.Contain("href=\"#HeldOn\""), "a form problem is listed first, linked to its field");
            Assert.That(answer.Html, Does.Contain("id=\"HeldOn-error\""));
            Assert.That(fixedDate.Html, Does.Contain("href=\"#Cpr\"").And.Contain("id=\"Cpr-error\""));
            Assert.That(fixedDate.Html, Does.Contain("href=\"#Goals_1__OccupationCode\"").And.Contain("id=\"Goals_1__OccupationCode-error\""));
            Assert.That(fixedDate.Html, Does.Contain("href=\"#Agreements_1__Text\""));
            Assert.That(fixedDate.Text, Does.Contain("Ikke et gyldigt CPR-nummer").And.Contain("En stillingskode (DISCO-88) er 4 cifre").And.Contain("Feltet må ikke være tomt"));
            Assert.That(fixedDate.Html, Does.Contain("value=\"91\""), "what was typed comes back as typed");
            Assert.That(await _site.Gateway.CountAsync("registration"), Is.EqualTo(before), "nothing stored");
        }
    }

    [Test]
    public async Task Register_WithoutAntiForgeryToken_RefusedAndNothingStored()
    {
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var before = await _site.Gateway.CountAsync("registration");

        var answer = await client.PostAsync("/registrer", ToolForms.Minimal(TestCitizens.Next(), client.Hidden("RequestId")), withToken: false);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await _site.Gateway.CountAsync("registration"), Is.EqualTo(before));
    }

    [Test]
    public async Task Register_TokenOfAnotherSession_Refused()
    {
        using var other = await SignedInAsync();
        await other.GetAsync("/registrer");
        var foreignToken = System.Text.RegularExpressions.Regex.Match(other.LastPage, "name=\"__token\" type=\"hidden\" value=\"([^\"]*)\"").Groups[1].Value;
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");

        var answer = await client.PostAsync("/registrer", [.. ToolForms.Minimal(TestCitizens.Next(), client.Hidden("RequestId")), new("__token", System.Net.WebUtility.HtmlDecode(foreignToken))], withToken: false);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Lookup_Cpr_ShowsTheCourseAndIsInTheAccessLogWithTheCaseWorker()
    {
        var cpr = TestCitizens.Next();
        await _site.Gateway.Client().RegisterInterview("soap-" + Guid.NewGuid().ToString("N"), SampleRegistrations.Minimal(cpr));
        using var client = await SignedInAsync();
        await client.GetAsync("/borger");

        var answer = await client.PostAsync("/borger", [new("Cpr", cpr)]);
        await using var command = _site.Gateway.DataSource.CreateCommand(
            "select case_worker_id, agreement_id from access_log where operation = 'GetContactCourse' and cpr = @cpr");
        command.Parameters.AddWithValue("cpr", cpr);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(string, Guid)>();
        while (await reader.ReadAsync())
        {
            entries.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Text, Does.Contain("Kontaktforløb").And.Contain("webservice"), "the course, with each registration's channel");
            Assert.That(entries, Is.EqualTo(new[] { (ToolSite.CaseWorkerId, _site.Agreement.Id) }));
        }
    }

    [Test]
    public async Task Pages_AfterRegisteringAndLookingUp_NoCprInAnyAddressOrLogLine()
    {
        var cpr = TestCitizens.Next();
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var stored = await client.PostAsync("/registrer", ToolForms.Minimal(cpr, client.Hidden("RequestId")));
        await client.GetAsync("/borger");
        await client.PostAsync("/borger", [new("Cpr", cpr)]);
        var page = await client.GetAsync(stored.Location!);

        var hrefs = System.Text.RegularExpressions.Regex.Matches(page.Html, "(href|action)=\"([^\"]*)\"").Select(m => m.Groups[2].Value);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Location, Does.Not.Contain(cpr));
            Assert.That(hrefs, Has.None.Contains(cpr));
            Assert.That(_site.Gateway.Log.Entries.Select(e => e.Message + e.Exception), Has.None.Contains(cpr));
        }
    }

    [Test]
    public async Task Correct_StaleVersion_ExplainedInPlainWordsAndNothingStored()
    {
        var cpr = TestCitizens.Next();
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var id = (await client.PostAsync("/registrer", ToolForms.Minimal(cpr, client.Hidden("RequestId")))).StoredRegistrationId;
        await client.GetAsync($"/registrering/{id}/ret");
        var staleForm = ToolForms.Minimal(cpr, client.Hidden("RequestId")).With("Version", client.Hidden("Version")).With("Reason", "Forkert matchkategori.");
        var staleToken = client.LastPage;

        // Someone else corrects it meanwhile, through the web services.
        await _site.Gateway.Client().CorrectInterview("soap-" + Guid.NewGuid().ToString("N"), id, 1, "Rettet i fagsystemet.", SampleRegistrations.Minimal(cpr));
        var answer = await client.PostAsync($"/registrering/{id}/ret", staleForm.With("Input.MatchCategory", "IntetMatch"));
        var history = await Store.HistoryAsync(id, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(staleToken, Is.Not.Empty);
            Assert.That(answer.Text, Does.Contain("ændret af en anden, efter du åbnede den").And.Contain("Din ændring er ikke gemt"));
            Assert.That(history, Has.Count.EqualTo(2), "the tool's correction is not stored over the other one");
        }
    }

    [Test]
    public async Task CorrectAndCancel_OwnRegistration_StoredAsNewVersionsWithTheirReasons()
    {
        var cpr = TestCitizens.Next();
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var id = (await client.PostAsync("/registrer", ToolForms.Minimal(cpr, client.Hidden("RequestId")))).StoredRegistrationId;

        await client.GetAsync($"/registrering/{id}/ret");
        var corrected = await client.PostAsync($"/registrering/{id}/ret",
            ToolForms.Minimal(cpr, client.Hidden("RequestId")).With("Version", client.Hidden("Version")).With("Reason", "Forkert\r\nmatchkategori.").With("Input.MatchCategory", "IntetMatch"));
        await client.GetAsync($"/registrering/{id}/annuller");
        var noReason = await client.PostAsync($"/registrering/{id}/annuller", [new("RequestId", client.Hidden("RequestId")), new("Version", client.Hidden("Version")), new("Reason", "")]);
        var cancelled = await client.PostAsync($"/registrering/{id}/annuller", [new("RequestId", client.Hidden("RequestId")), new("Version", "2"), new("Reason", "Registreret på forkert borger.")]);
        var history = await Store.HistoryAsync(id, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(corrected.Location, Does.StartWith($"/registrering/{id}?gemt=2"));
            Assert.That(noReason.Html, Does.Contain("id=\"Reason-error\""));
            Assert.That(cancelled.Location, Does.StartWith($"/registrering/{id}?gemt=3"));
            Assert.That(history.Select(v => (v.Change, v.Reason, v.Channel)), Is.EqualTo(new[]
            {
                (Gateway.Contracts.CodeLists.ChangeKind.Registered, (string?)null, RegistrationChannel.RegistrationTool),
                (Gateway.Contracts.CodeLists.ChangeKind.Corrected, "Forkert\nmatchkategori.", RegistrationChannel.RegistrationTool),
                (Gateway.Contracts.CodeLists.ChangeKind.Cancelled, "Registreret på forkert borger.", RegistrationChannel.RegistrationTool),
            }));
            Assert.That(history[1].Interview.MatchCategory, Is.EqualTo(Gateway.Contracts.CodeLists.MatchCategory.IntetMatch));
        }
    }

    [Test]
    public async Task Correct_AnotherAuthoritysRegistration_RefusedAndNothingStored()
    {
        var cpr = TestCitizens.Next();
        var theirs = await _site.Gateway.Client(As.EmploymentServiceUnit).RegisterInterview("soap-" + Guid.NewGuid().ToString("N"), SampleRegistrations.Complete(cpr, Gateway.Contracts.CodeLists.CaseType.Dagpenge));
        using var client = await SignedInAsync();
        await client.GetAsync("/borger");
        await client.GetAsync($"/registrering/{theirs.RegistrationId}/annuller");

        var answer = await client.PostAsync($"/registrering/{theirs.RegistrationId}/annuller", [new("RequestId", "tool-x1"), new("Version", "1"), new("Reason", "Forsøg.")]);
        var history = await Store.HistoryAsync(theirs.RegistrationId, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            // As the web services answer it: another authority's registration is not one this caller can change.
            Assert.That(answer.Text, Does.Contain("Det kunne ikke lade sig gøre").And.Contain("Registreringen findes ikke").And.Contain("Client.NotFound.Registration"));
            Assert.That(history, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Session_CertificateRevoked_NextRequestEndsTheSession()
    {
        using var certificate = TestPki.IssueClient("Sagsbehandler der spærres");
        await _site.CaseWorkers.AddAsync(SandboxIdentity.Authority, "cw-revoked", certificate, "tests", CancellationToken.None);
        using var client = _site.Client(certificate);
        Assert.That((await client.SignInAsync()).Location, Is.EqualTo("/"));
        Assert.That((await client.GetAsync("/registrer")).Status, Is.EqualTo(HttpStatusCode.OK));

        await _site.CaseWorkers.RevokeAsync(Gateway.Certificates.CertificateThumbprint.Of(certificate), "tests", "Fratrådt.", CancellationToken.None);
        var after = await client.GetAsync("/registrer");
        var signIn = await client.SignInAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((after.Status, after.Location), Is.EqualTo((HttpStatusCode.Found, "/logind?session=ended")));
            Assert.That(signIn.Text, Does.Contain("Dit certifikat er spærret"));
        }
    }

    [Test]
    public async Task Session_OtherCertificateOnTheConnection_EndsTheSession()
    {
        using var client = await SignedInAsync();
        var cookie = client.Cookies.GetAllCookies().Single(c => c.Name == "__Host-session");
        using var otherCertificate = TestPki.IssueClient("Anden sagsbehandler");
        await _site.CaseWorkers.AddAsync(SandboxIdentity.Authority, "cw-other", otherCertificate, "tests", CancellationToken.None);
        using var thief = _site.Client(otherCertificate);
        thief.Cookies.Add(cookie);

        var answer = await thief.GetAsync("/registrer");

        Assert.That((answer.Status, answer.Location), Is.EqualTo((HttpStatusCode.Found, "/logind?session=ended")), "a session is its certificate's");
    }

    [Test]
    public async Task SignOut_ThenAPage_NeedsSigningInAgain()
    {
        using var client = await SignedInAsync();
        await client.GetAsync("/");
        var signedOut = await client.PostAsync("/logud", []);
        var after = await client.GetAsync("/registrer");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(signedOut.Location, Is.EqualTo("/logind?session=out"));
            Assert.That(after.Location, Is.EqualTo("/logind?ReturnUrl=%2Fregistrer"));
        }
    }

    [Test]
    public async Task Language_SwitchedToEnglish_PagesInEnglish()
    {
        using var client = await SignedInAsync();
        await client.GetAsync("/");
        var switched = await client.PostAsync("/sprog", [new("to", "en"), new("back", "/registrer")]);
        var page = await client.GetAsync("/registrer");
        var offsite = await client.PostAsync("/sprog", [new("to", "da"), new("back", "https://example.org/")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(switched.Location, Is.EqualTo("/registrer"));
            Assert.That(page.Html, Does.Contain("<html lang=\"en\">").And.Contain("Register an interview"));
            Assert.That(offsite.Location, Is.EqualTo("/"), "never a redirect elsewhere");
        }
    }

    [Test]
    public async Task Recent_AfterRegistering_ListsTheCaseWorkersOwnRegistrationsWithoutCpr()
    {
        var cpr = TestCitizens.Next();
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var id = (await client.PostAsync("/registrer", ToolForms.Minimal(cpr, client.Hidden("RequestId")))).StoredRegistrationId;

        var page = await client.GetAsync("/mine");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Html, Does.Contain($"/registrering/{id}"));
            Assert.That(page.Html, Does.Not.Contain(cpr));
        }
    }

    [Test]
    public async Task Overdue_OwnAuthority_ListsOverdueCitizensMasked()
    {
        using var client = await SignedInAsync();

        var page = await client.GetAsync("/overskredne");

        Assert.That((page.Status, page.Text), Is.EqualTo((HttpStatusCode.OK, page.Text)));
        Assert.That(page.Text, Does.Contain("Borgere med overskredet kontakt").And.Not.Contain("Det kunne ikke lade sig gøre"));
    }

    [Test]
    public async Task Page_Unknown_AnswersNotFoundPage()
    {
        using var client = await SignedInAsync();
        var page = await client.GetAsync("/findes-ikke");

        Assert.That((page.Status, page.Text.Contains("Siden findes ikke", StringComparison.Ordinal)), Is.EqualTo((HttpStatusCode.NotFound, true)));
    }

    [Test]
    public async Task Register_CharacterTheWebServicesCannotCarry_FieldErrorAndNothingStored()
    {
        // Found by the attack on the running tool: U+FFFF was stored, and the web services then failed to answer the citizen.
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var before = await _site.Gateway.CountAsync("registration");

        var answer = await client.PostAsync("/registrer", ToolForms.Minimal(TestCitizens.Next(), client.Hidden("RequestId")).With("Input.CitizenComments", "a\uffffb"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Html, Does.Contain("href=\"#CitizenComments\"").And.Contain("id=\"CitizenComments-error\""));
            Assert.That(await _site.Gateway.CountAsync("registration"), Is.EqualTo(before));
        }
    }

    [Test]
    public async Task Register_NulCharacter_RefusedAsABadRequestAndNothingStored()
    {
        // The form reader itself refuses a NUL; found by the attack as a 500, now the sender's 400.
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var before = await _site.Gateway.CountAsync("registration");

        var answer = await client.PostAsync("/registrer", ToolForms.Minimal(TestCitizens.Next(), client.Hidden("RequestId")).With("Input.CitizenComments", "a\u0000b"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(answer.Text, Does.Contain("Formularen var for stor eller ugyldig"));
            Assert.That(await _site.Gateway.CountAsync("registration"), Is.EqualTo(before));
        }
    }

    [Test]
    public async Task Register_FormFarTooLarge_RefusedAsTheSendersMistakeAndNothingStored()
    {
        using var client = await SignedInAsync();
        await client.GetAsync("/registrer");
        var before = await _site.Gateway.CountAsync("registration");
        var form = ToolForms.Minimal(TestCitizens.Next(), client.Hidden("RequestId"));

        var longField = await client.PostAsync("/registrer", form.With("Input.CitizenComments", new string('x', 20_000)));
        await client.GetAsync("/registrer");
        var manyFields = await client.PostAsync("/registrer", [.. form, .. Enumerable.Range(0, 2000).Select(i => new KeyValuePair<string, string>($"Input.Goals[{i}].Text", "x"))]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(longField.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(manyFields.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(longField.Text, Does.Contain("Formularen var for stor"));
            Assert.That(await _site.Gateway.CountAsync("registration"), Is.EqualTo(before));
        }
    }

    [Test]
    public async Task Page_WithoutSessionAndAForeignHostHeader_RedirectsToAPathNotThatHost()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, ServerCertificateCustomValidationCallback = (_, server, _, _) => TestPki.TrustsServer(server) };
        using var http = new HttpClient(handler) { BaseAddress = _site.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/mine");
        request.Headers.Host = "evil.example";

        using var response = await http.SendAsync(request);

        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/logind?ReturnUrl=%2Fmine"));
    }
}
