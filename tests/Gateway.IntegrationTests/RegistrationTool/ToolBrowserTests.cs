using Gateway.Contracts.CodeLists;
using Gateway.Data.Registrations;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Gateway.IntegrationTests.RegistrationTool;

/// <summary>
/// The registration tool in a real browser: Debian's headless Chromium presenting the case worker's certificate from its
/// own certificate store, as a person's browser does. A case worker signs in, registers, meets a rule violation and fixes
/// it, looks the citizen up, corrects and cancels; a registration is made with the keyboard alone; and every page is
/// checked by axe-core for serious and critical accessibility violations. Screenshots are kept with the results.
/// </summary>
[NonParallelizable]
public sealed class ToolBrowserTests
{
    private ToolSite _site = null!;
    private CertifiedBrowser _browser = null!;

    private ChromeDriver Driver => _browser.Driver;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await ToolSite.StartAsync();
        _browser = HeadlessChromium.Start(ClientIdentity.FromTestPki(_site.CaseWorkerCertificate));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _browser.Dispose();
        await _site.DisposeAsync();
    }

    private RegistrationStore Store => _site.Gateway.Services.GetRequiredService<RegistrationStore>();

    private void Open(string path) => Driver.Navigate().GoToUrl(new Uri(_site.Url, path));

    private void SignIn()
    {
        Open("/logind");
        if (Driver.FindElements(By.CssSelector("form button.primary")).FirstOrDefault() is { } button)
        {
            Navigate(button.Click);
        }
    }

    private string Path => new Uri(Driver.Url).AbsolutePath;

    // Does what leads to another page (a link, a form's submit) and waits until the browser shows it: a click returns
    // before the navigation it starts has ended, so the next step would otherwise read the old page, or cut the post off.
    private void Navigate(Action act)
    {
        var page = Driver.FindElement(By.TagName("html"));
        act();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                _ = page.TagName;
            }
            catch (WebDriverException)
            {
                // Stale, or (as chromedriver also says it) a node that no longer belongs to the document: the old page is gone.
                break;
            }

            if (DateTime.UtcNow > until)
            {
                Assert.Fail("The next page did not come within 20 s.");
            }

            Thread.Sleep(50);
        }

        while (!Equals(Driver.ExecuteScript("return document.readyState"), "complete"))
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail("The next page did not finish loading within 20 s.");
            }

            Thread.Sleep(50);
        }
    }

    private void Screenshot(string name, string description)
    {
        var file = System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, $"tool-{name}.png");
        Driver.GetScreenshot().SaveAsFile(file);
        TestContext.AddTestAttachment(file, description);
    }

    private void Type(string id, string text)
    {
        var field = Driver.FindElement(By.Id(id));
        field.Clear();
        field.SendKeys(text);
    }

    private void Choose(string id, string value) => Driver.FindElement(By.CssSelector($"#{id} option[value='{value}']")).Click();

    private static string Day(int offset) => SampleRegistrations.Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Test, Order(1)]
    public async Task CaseWorker_WholeDayInTheBrowser_SignsInRegistersFixesLooksUpCorrectsAndCancels()
    {
        Open("/");
        Assert.That(Path, Is.EqualTo("/logind"), "no session yet");
        Screenshot("signin", "Sign-in: the browser presents the case worker's certificate");
        Assert.That(Driver.FindElement(By.TagName("main")).Text, Does.Contain("CN=Sagsbehandler"));
        Navigate(Driver.FindElement(By.CssSelector("form button.primary")).Click);
        Assert.That(Path, Is.EqualTo("/"));
        Assert.That(Driver.FindElement(By.ClassName("who")).Text, Does.Contain(ToolSite.CaseWorkerId));

        // A full registration, first with a CPR number that is no date.
        var cpr = TestCitizens.Next();
        Navigate(Driver.FindElement(By.LinkText("Registrér samtale")).Click);
        Type("Cpr", "3201901234");
        Choose("CaseType", "Kontanthjaelp");
        Type("HeldOn", Day(-1));
        Choose("Type", "Opfoelgningssamtale");
        Choose("Form", "Personligt");
        Choose("MatchCategory", "HoejGradAfMatch");
        Type("Goals_0__OccupationCode", "5220");
        Type("Goals_0__Text", "Butiksassistent");
        Choose("RoughMatchOutcome", "DelvisMatch");
        Type("RoughMatchCodes", "5220");
        Choose("Agreements_0__Kind", "Jobsoegning");
        Type("Agreements_0__Text", "Søger 5 stillinger om ugen.");
        Type("Agreements_0__Deadline", Day(14));
        Choose("Offers_0__Kind", "Virksomhedspraktik");
        Choose("Offers_0__Status", "Planlagt");
        Type("Offers_0__StartDate", Day(7));
        Choose("CvStatus", "Opdateret");
        Choose("JobSearchAssessment", "Aktiv");
        Type("JobSearchText", "Søger aktivt.");
        Type("CitizenComments", "Ønsker deltid.");
        Screenshot("register", "The registration form, filled in");
        Navigate(Driver.FindElement(By.CssSelector("button.primary")).Click);

        var summary = Driver.FindElement(By.Id("refusal"));
        Screenshot("register-error", "A rule violation: listed at the top, linked to its field, and shown beside it");
        Assert.That(summary.Text, Does.Contain("Ikke et gyldigt CPR-nummer"));
        Assert.That(Driver.FindElement(By.Id("Cpr-error")).Displayed, Is.True);
        Assert.That(Driver.FindElement(By.Id("Goals_0__Text")).GetDomProperty("value"), Is.EqualTo("Butiksassistent"), "what was typed is kept");
        summary.FindElement(By.CssSelector("a[href='#Cpr']")).Click();
        Assert.That(Driver.Url, Does.EndWith("#Cpr"), "the error's link takes the case worker to the field");
        Assert.That(Driver.FindElement(By.Id("Cpr")).GetAttribute("aria-describedby"), Does.Contain("Cpr-error"), "and the field names its error");
        Assert.That(await _site.Gateway.CountAsync("registration"), Is.Zero, "nothing stored until the whole registration is valid");

        Type("Cpr", cpr);
        Navigate(Driver.FindElement(By.CssSelector("button.primary")).Click);
        Assert.That(Path, Does.StartWith("/registrering/"));
        Screenshot("stored", "Stored: the registration's history, with its channel");
        Assert.That(Driver.FindElement(By.ClassName("stored")).Text, Does.Contain("Registreringen er gemt"));
        var id = Guid.Parse(Path.Split('/')[2]);

        // The web services read it back, as any connected system would.
        var course = await _site.Gateway.Client().GetContactCourse(cpr);
        Assert.That(course.Registrations.Select(r => (r.RegistrationId, r.Channel)), Is.EqualTo(new[] { (id, RegistrationChannel.RegistrationTool) }));
        Assert.That((await Store.HistoryAsync(id, CancellationToken.None)).Single().Channel, Is.EqualTo(RegistrationChannel.RegistrationTool));

        // Look the citizen up.
        Navigate(Driver.FindElement(By.LinkText("Slå borger op")).Click);
        Type("Cpr", cpr);
        Navigate(Driver.FindElement(By.CssSelector("button.primary")).Click);
        Screenshot("lookup", "The citizen's contact course");
        Assert.That(Driver.FindElement(By.TagName("table")).Text, Does.Contain("Opfølgningssamtale").And.Contain("registreringsværktøjet"));
        Assert.That(Driver.Url, Does.Not.Contain(cpr), "the CPR number travels in the form's body");
        Navigate(Driver.FindElement(By.CssSelector("td a")).Click);

        // Correct it.
        Navigate(Driver.FindElement(By.LinkText("Ret registreringen")).Click);
        Choose("MatchCategory", "DelvisMatch");
        Type("Reason", "Matchkategorien var forkert.");
        Screenshot("correct", "Correcting a registration, with a reason");
        Navigate(Driver.FindElement(By.CssSelector("button.primary")).Click);
        Assert.That(Driver.FindElement(By.ClassName("stored")).Text, Does.Contain("Version 2"));

        // Cancel it.
        Navigate(Driver.FindElement(By.LinkText("Annullér registreringen")).Click);
        Type("Reason", "Registreret på forkert borger.");
        Screenshot("cancel", "Cancelling a registration");
        Navigate(Driver.FindElement(By.CssSelector("button.primary")).Click);
        Screenshot("history", "The history after a correction and a cancellation");
        Assert.That(Driver.FindElement(By.TagName("main")).Text, Does.Contain("Annulleret"));

        var history = await Store.HistoryAsync(id, CancellationToken.None);
        Assert.That(history.Select(v => (v.Version, v.Change, v.Channel)), Is.EqualTo(new[]
        {
            (1, Gateway.Contracts.CodeLists.ChangeKind.Registered, RegistrationChannel.RegistrationTool),
            (2, Gateway.Contracts.CodeLists.ChangeKind.Corrected, RegistrationChannel.RegistrationTool),
            (3, Gateway.Contracts.CodeLists.ChangeKind.Cancelled, RegistrationChannel.RegistrationTool),
        }));
    }

    [Test, Order(2)]
    public async Task CaseWorker_WithTheKeyboardAlone_RegistersAnInterview()
    {
        SignIn();
        Open("/registrer");
        var cpr = TestCitizens.Next();
        Driver.FindElement(By.TagName("body")).Click();

        // Tab from the top of the page to each field in turn, and type: no pointer anywhere.
        void TabTo(string id)
        {
            for (var i = 0; i < 200; i++)
            {
                if (Driver.SwitchTo().ActiveElement().GetAttribute("id") == id)
                {
                    return;
                }

                new OpenQA.Selenium.Interactions.Actions(Driver).SendKeys(Keys.Tab).Perform();
            }

            Assert.Fail($"Tab never reached {id}");
        }

        void Keys_(string id, string keys)
        {
            TabTo(id);
            new OpenQA.Selenium.Interactions.Actions(Driver).SendKeys(keys).Perform();
        }

        Keys_("Cpr", cpr);
        Keys_("CaseType", "Kontanthj");
        Keys_("Type", "Kontakt");
        Keys_("Form", "Telefon");
        Keys_("MatchCategory", "3");
        Keys_("Goals_0__OccupationCode", "9132");
        Keys_("NoAgreementReason", "Borgeren var syg.");
        Keys_("CvStatus", "Registreret");
        var outline = Driver.SwitchTo().ActiveElement().GetCssValue("outline-style");
        Screenshot("keyboard", "Keyboard-only use: the focused field is outlined");
        TabTo("save");
        Navigate(() => new OpenQA.Selenium.Interactions.Actions(Driver).SendKeys(Keys.Enter).Perform());

        Assert.That(Path, Does.StartWith("/registrering/"), Driver.FindElement(By.TagName("main")).Text);
        var stored = (await Store.HistoryAsync(Guid.Parse(Path.Split('/')[2]), CancellationToken.None)).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outline, Is.Not.EqualTo("none"), "focus is visible");
            Assert.That(stored.Interview.Cpr, Is.EqualTo(cpr));
            Assert.That(stored.Interview.Form, Is.EqualTo(Gateway.Contracts.CodeLists.InterviewForm.Telefon));
            Assert.That(stored.Interview.MatchCategory, Is.EqualTo(Gateway.Contracts.CodeLists.MatchCategory.DelvisMatch));
            Assert.That(stored.Interview.NextContact.PlannedOn, Is.EqualTo(DateOnly.FromDateTime(SampleRegistrations.Today).AddDays(21)), "the default: three weeks out");
        }
    }

    [Test, Order(3)]
    public async Task EveryPage_CheckedByAxe_HasNoSeriousOrCriticalViolations()
    {
        var cpr = TestCitizens.Next();
        await _site.Gateway.Client().RegisterInterview("soap-" + Guid.NewGuid().ToString("N"), SampleRegistrations.Complete(cpr));
        var found = new List<string>();
        void Check(string page) => found.AddRange(Accessibility.SeriousViolations(Driver).Select(v => $"{page}: {v}"));

        Driver.Manage().Cookies.DeleteAllCookies();
        Open("/logind");
        Check("sign-in");
        SignIn();
        Check("front page");
        Open("/registrer");
        Check("register");
        Type("Cpr", "3201901234");
        Navigate(Driver.FindElement(By.Id("save")).Click);
        Check("register with errors");
        Open("/borger");
        Type("Cpr", cpr);
        Navigate(Driver.FindElement(By.CssSelector("button.primary")).Click);
        Check("lookup");
        Navigate(Driver.FindElement(By.CssSelector("td a")).Click);
        Check("registration");
        var id = Path.Split('/')[2];
        Open($"/registrering/{id}/ret");
        Check("correct");
        Open($"/registrering/{id}/annuller");
        Check("cancel");
        Open("/mine");
        Check("recent");
        Open("/overskredne");
        Check("overdue");
        Open("/findes-ikke");
        Check("not found");
        Navigate(Driver.FindElement(By.CssSelector("form[action='/sprog'] button")).Click);
        Check("front page in English");

        Assert.That(found, Is.Empty);
    }
}
