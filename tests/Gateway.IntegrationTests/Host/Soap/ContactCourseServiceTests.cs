using System.ServiceModel;
using System.Xml.Serialization;
using Gateway.Contracts;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Soap;

/// <summary>The service as a .NET case system sees it: the real WCF client over HTTP against the real host and PostgreSQL.</summary>
[TestFixture]
public sealed class ContactCourseServiceTests
{
    private TestGateway _gateway = null!;
    private IContactCourseService _client = null!;

    [OneTimeSetUp]
    public async Task StartGateway()
    {
        _gateway = await TestGateway.StartAsync();
        _client = _gateway.Client(As.Municipality);
    }

    [OneTimeTearDown]
    public async Task StopGateway()
    {
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task Ping_Always_AnswersServerTimeAndVersion()
    {
        var before = DateTime.UtcNow.AddSeconds(-5);
        var status = await _client.Ping();
        Assert.Multiple(() =>
        {
            Assert.That(status.ServerTime, Is.GreaterThan(before).And.LessThan(DateTime.UtcNow.AddSeconds(5)));
            Assert.That(status.Version, Does.Match(@"^\d+\.\d+\.\d+"));
        });
    }

    [Test]
    public async Task RegisterInterview_EveryItemFilled_ComesBackFromGetContactCourseItemByItem()
    {
        var cpr = TestCitizens.Next();
        var sent = SampleRegistrations.Complete(cpr);

        var receipt = await _client.RegisterInterview(sent);
        var course = await _client.GetContactCourse(cpr);

        Assert.That(course.Registrations, Has.Count.EqualTo(1));
        var stored = course.Registrations[0];
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Version, Is.EqualTo(1));
            Assert.That(receipt.Late, Is.False);
            Assert.That(stored.RegistrationId, Is.EqualTo(receipt.RegistrationId));
            Assert.That(stored.Version, Is.EqualTo(1));
            Assert.That(stored.ReceivedAt, Is.EqualTo(receipt.ReceivedAt), "the receipt quotes the time exactly as stored");
            Assert.That(stored.ResponsibleAuthority.Code, Is.EqualTo(Callers.MunicipalityCode));
            Assert.That(stored.OtherActor, Is.Null);
            Assert.That(stored.CaseWorkerId, Is.EqualTo("cw-4711"));
            // Item by item: each of the twelve items serializes to exactly what was sent.
            Assert.That(Xml(stored.Interview.Cpr), Is.EqualTo(Xml(sent.Cpr)));
            Assert.That(stored.Interview.CaseType, Is.EqualTo(sent.CaseType));
            Assert.That(Xml(stored.Interview.Interview), Is.EqualTo(Xml(sent.Interview)));
            Assert.That(stored.Interview.Form, Is.EqualTo(sent.Form));
            Assert.That(stored.Interview.MatchCategory, Is.EqualTo(sent.MatchCategory));
            Assert.That(Xml(stored.Interview.EmploymentGoals), Is.EqualTo(Xml(sent.EmploymentGoals)));
            Assert.That(Xml(stored.Interview.RoughMatch!), Is.EqualTo(Xml(sent.RoughMatch!)));
            Assert.That(Xml(stored.Interview.FurtherCourse), Is.EqualTo(Xml(sent.FurtherCourse)));
            Assert.That(Xml(stored.Interview.Offers!), Is.EqualTo(Xml(sent.Offers!)));
            Assert.That(stored.Interview.CvStatus, Is.EqualTo(sent.CvStatus));
            Assert.That(Xml(stored.Interview.NextContact), Is.EqualTo(Xml(sent.NextContact)));
            Assert.That(Xml(stored.Interview.JobSearchBehaviour!), Is.EqualTo(Xml(sent.JobSearchBehaviour!)));
            Assert.That(stored.Interview.CitizenComments, Is.EqualTo(sent.CitizenComments));
            // And as a whole.
            Assert.That(Xml(stored.Interview), Is.EqualTo(Xml(sent)));
        });
    }

    [Test]
    public async Task RegisterInterview_OnlyMandatoryItems_ComesBackWithoutTheOptionalOnes()
    {
        var cpr = TestCitizens.Next();
        var sent = SampleRegistrations.Minimal(cpr);

        await _client.RegisterInterview(sent);
        // On the wire: a WCF client's XmlSerializer would turn an absent list into an empty one by itself.
        using var response = await _gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", SoapRequests.Envelope11(
            $"<GetContactCourse xmlns=\"{ContractNamespace.V1}\"><Cpr>{cpr}</Cpr></GetContactCourse>")));
        var wire = await response.Content.ReadAsStringAsync();
        var stored = (await _client.GetContactCourse(cpr)).Registrations.Single().Interview;
        stored.Offers = stored.Offers is { Count: 0 } ? null : stored.Offers;

        Assert.Multiple(() =>
        {
            Assert.That(wire, Does.Contain("<CvStatus>").And.Not.Contain("<Offers").And.Not.Contain("<RoughMatch")
                .And.Not.Contain("<JobSearchBehaviour").And.Not.Contain("<CitizenComments"));
            Assert.That(Xml(stored), Is.EqualTo(Xml(sent)));
        });
    }

    [Test]
    public async Task GetContactCourse_SeveralInterviews_CurrentStateFollowsTheLatestInterview()
    {
        var cpr = TestCitizens.Next();
        var older = SampleRegistrations.Minimal(cpr);
        older.Interview.HeldOn = SampleRegistrations.Today.AddDays(-1);
        older.MatchCategory = MatchCategory.IntetMatch;
        var latest = SampleRegistrations.Minimal(cpr);
        latest.CaseType = CaseType.Starthjaelp;
        latest.MatchCategory = MatchCategory.UmiddelbartMatch;
        latest.NextContact.PlannedOn = SampleRegistrations.Today.AddDays(10);

        // Registered newest first: the course orders by interview date, not by arrival.
        await _client.RegisterInterview(latest);
        await _client.RegisterInterview(older);
        var course = await _client.GetContactCourse(cpr);

        Assert.Multiple(() =>
        {
            Assert.That(course.Registrations.Select(r => r.Interview.MatchCategory), Is.EqualTo(new[] { MatchCategory.IntetMatch, MatchCategory.UmiddelbartMatch }));
            Assert.That(course.CurrentCaseTypeSpecified && course.CurrentCaseType == CaseType.Starthjaelp);
            Assert.That(course.ResponsibleAuthority!.Code, Is.EqualTo(Callers.MunicipalityCode));
            Assert.That(course.LatestMatchCategorySpecified && course.LatestMatchCategory == MatchCategory.UmiddelbartMatch);
            Assert.That(course.NextPlannedContactSpecified, Is.True);
            Assert.That(course.NextPlannedContact, Is.EqualTo(SampleRegistrations.Today.AddDays(10)));
        });
    }

    [Test]
    public async Task GetContactCourse_UnknownCitizen_AnswersAnEmptyCourse()
    {
        var course = await _client.GetContactCourse(TestCitizens.Next());
        Assert.Multiple(() =>
        {
            Assert.That(course.Registrations, Is.Empty);
            Assert.That(course.CurrentCaseTypeSpecified, Is.False);
            Assert.That(course.ResponsibleAuthority, Is.Null);
        });
    }

    [Test]
    public async Task RegisterInterview_OtherActorForMunicipality_IsStoredForThePrincipalWithTheActorRecorded()
    {
        var cpr = TestCitizens.Next();
        await _gateway.Client(As.OtherActor).RegisterInterview(SampleRegistrations.Minimal(cpr));

        var stored = (await _client.GetContactCourse(cpr)).Registrations.Single();
        Assert.Multiple(() =>
        {
            Assert.That(stored.ResponsibleAuthority.Kind, Is.EqualTo(AuthorityKind.Municipality));
            Assert.That(stored.ResponsibleAuthority.Code, Is.EqualTo(Callers.MunicipalityCode));
            Assert.That(stored.OtherActor!.Code, Is.EqualTo("12345674"));
        });
    }

    [Test]
    public async Task RegisterInterview_EmploymentServiceUnitDagpenge_IsAccepted()
    {
        var receipt = await _gateway.Client(As.EmploymentServiceUnit).RegisterInterview(SampleRegistrations.Complete(TestCitizens.Next(), CaseType.Dagpenge));
        Assert.That(receipt.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task RegisterInterview_LateAndFarAhead_IsAcceptedWithBothWarnings()
    {
        var registration = SampleRegistrations.Minimal(TestCitizens.Next());
        registration.Interview.HeldOn = SampleRegistrations.Today.AddDays(-10);
        registration.NextContact.PlannedOn = SampleRegistrations.Today.AddDays(120);

        var receipt = await _client.RegisterInterview(registration);

        Assert.Multiple(() =>
        {
            Assert.That(receipt.Late, Is.True);
            Assert.That(receipt.Warnings.Select(w => w.Code), Is.EquivalentTo(new[] { "Warning.LateRegistration", "Warning.NextContactBeyondLimit" }));
        });
    }

    [Test]
    public async Task RegisterInterview_CitizenBornAfterTheInterview_IsRefusedAndNothingStored()
    {
        var before = await _gateway.CountAsync("registration");
        // 01-01-36 with 7th digit 4: born 2036, after any interview held today.
        var registration = SampleRegistrations.Minimal("0101364123");

        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _client.RegisterInterview(registration))!;

        Assert.Multiple(async () =>
        {
            Assert.That(fault.Detail.Code, Is.EqualTo("Client.Validation.RuleViolation"));
            Assert.That(fault.Detail.CorrelationId, Is.Not.Empty);
            Assert.That(fault.Detail.FieldErrors!.Select(f => (f.Field, f.Code)), Is.EqualTo(new[] { ("Registration/Cpr", "Cpr.BornAfterInterview") }));
            Assert.That(fault.Detail.FieldErrors!.Single().Text, Does.Not.Contain("0101364123"));
            Assert.That(await _gateway.CountAsync("registration"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task RegisterInterview_BrokenRules_IsRefusedWithAFieldErrorEachAndNothingStored()
    {
        var before = await _gateway.CountAsync("registration");
        var registration = SampleRegistrations.Minimal(TestCitizens.Next());
        registration.Interview.HeldOn = SampleRegistrations.Today.AddDays(1);
        registration.CitizenComments = "Tab\there";

        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _client.RegisterInterview(registration))!;

        Assert.Multiple(async () =>
        {
            Assert.That(fault.Code.Name, Is.EqualTo("Client"));
            Assert.That(fault.Detail.Code, Is.EqualTo("Client.Validation.RuleViolation"));
            Assert.That(fault.Detail.Retryable, Is.False);
            Assert.That(fault.Detail.CorrelationId, Is.Not.Empty);
            Assert.That(fault.Detail.FieldErrors!.Select(f => (f.Field, f.Code)), Is.EquivalentTo(new[]
            {
                ("Registration/Interview/HeldOn", "Date.InFuture"),
                ("Registration/CitizenComments", "Text.ControlCharacter"),
            }));
            Assert.That(await _gateway.CountAsync("registration"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task RegisterInterview_CaseTypeTheAgreementDoesNotCover_IsAccessDeniedAndNothingStored()
    {
        var before = await _gateway.CountAsync("registration");
        var registration = SampleRegistrations.Minimal(TestCitizens.Next());
        registration.CaseType = CaseType.Dagpenge;

        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _client.RegisterInterview(registration))!;

        Assert.Multiple(async () =>
        {
            Assert.That(fault.Detail.Code, Is.EqualTo("Client.AccessDenied.CaseTypeNotAllowed"));
            Assert.That(await _gateway.CountAsync("registration"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task RegisterInterview_EmploymentServiceUnitWithoutItems6And11_IsRefusedNamingBoth()
    {
        var before = await _gateway.CountAsync("registration");
        var registration = SampleRegistrations.Minimal(TestCitizens.Next());
        registration.CaseType = CaseType.Dagpenge;

        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _gateway.Client(As.EmploymentServiceUnit).RegisterInterview(registration))!;

        Assert.That(fault.Detail.FieldErrors!.Select(f => (f.Field, f.Code)), Is.EquivalentTo(new[]
        {
            ("Registration/RoughMatch", "Item.Missing"),
            ("Registration/JobSearchBehaviour", "Item.Missing"),
        }));
        Assert.That(await _gateway.CountAsync("registration"), Is.EqualTo(before));
    }

    [Test]
    public void RegisterInterview_InvalidCpr_FaultTextNeverRepeatsTheNumber()
    {
        var registration = SampleRegistrations.Minimal("3213901234");

        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _client.RegisterInterview(registration))!;

        Assert.Multiple(() =>
        {
            Assert.That(fault.Detail.FieldErrors!.Single().Code, Is.EqualTo("Cpr.Invalid"));
            Assert.That(fault.Detail.FieldErrors!.Single().Text, Does.Not.Contain("3213901234"));
            Assert.That(fault.Message, Does.Not.Contain("3213901234"));
        });
    }

    [Test]
    public void GetContactCourse_NotACprNumber_IsRefusedAsSchemaViolationWithoutQuotingIt()
    {
        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _client.GetContactCourse("01019012345"))!;
        Assert.Multiple(() =>
        {
            Assert.That(fault.Detail.Code, Is.EqualTo("Client.Validation.SchemaViolation"));
            Assert.That(fault.Detail.FieldErrors!.Single().Field, Is.EqualTo("Cpr"));
            Assert.That(fault.Detail.FieldErrors!.Single().Text, Does.Not.Contain("01019012345").And.Not.Contain("0101901234").And.Not.Contain("010190"));
        });
    }

    [Test]
    public async Task Soap12Client_PingAndFault_GetsSoap12AnswersWithTheSameDetail()
    {
        var client = _gateway.Soap12Client();
        var status = await client.Ping();
        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.GetContactCourse("3213901234"))!;
        Assert.Multiple(() =>
        {
            Assert.That(status.Version, Is.Not.Empty);
            Assert.That(fault.Code.Name, Is.EqualTo("Sender"));
            Assert.That(fault.Detail.Code, Is.EqualTo("Client.Validation.RuleViolation"));
        });
    }

    private static string Xml<T>(T value)
        where T : notnull
    {
        var serializer = new XmlSerializer(value.GetType(), new XmlRootAttribute("Item") { Namespace = ContractNamespace.V1 });
        using var writer = new StringWriter();
        serializer.Serialize(writer, value);
        return writer.ToString();
    }
}
