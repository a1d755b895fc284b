using System.ServiceModel;
using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.Domain.Identifiers;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Supervision;

/// <summary>
/// GetSupervisionReport and ListOverdueCitizens (contract 1.4) through the real WCF client: who may read whose figures,
/// the overdue list masked or with CPR numbers by scope, paging, the access-log entries each read leaves, and nothing
/// personal in the log. The figures themselves are pinned by <c>SupervisionFiguresTests</c>.
/// </summary>
[TestFixture]
public sealed class SupervisionOperationsTests
{
    private static readonly DateTime Today = SampleRegistrations.Today;
    private static readonly Authority Municipality = new() { Kind = AuthorityKind.Municipality, Code = Callers.MunicipalityCode };
    private TestGateway _gateway = null!;
    private string _longest = null!, _longer = null!, _recent = null!;

    [OneTimeSetUp]
    public async Task RegisterTheDataSet()
    {
        _gateway = await TestGateway.StartAsync();
        var municipality = _gateway.Client();
        (_longest, _longer, _recent) = (TestCitizens.Next(), TestCitizens.Next(), TestCitizens.Next());
        await municipality.RegisterInterview(Registration(_longest, Today.AddDays(-150)));
        await municipality.RegisterInterview(Registration(_longer, Today.AddDays(-110)));
        await municipality.RegisterInterview(Registration(_recent, Today.AddDays(-10)));
        await _gateway.Client(As.EmploymentServiceUnit).RegisterInterview(SampleRegistrations.Complete(TestCitizens.Next(), CaseType.Dagpenge));
    }

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task GetSupervisionReport_OwnAuthority_AnswersItsFiguresWithDefinitionsAndLogsTheRead()
    {
        var report = await _gateway.Client().GetSupervisionReport(Query(Municipality, Today.AddYears(-1), Today));

        var entry = (await EntriesAsync("GetSupervisionReport")).Last();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((report.Authority.Kind, report.Authority.Code), Is.EqualTo((AuthorityKind.Municipality, Callers.MunicipalityCode)));
            Assert.That(report.Interviews, Is.EqualTo(3));
            Assert.That(report.OverdueCitizens, Is.EqualTo(2));
            Assert.That(report.MatchCategories.Select(c => c.Category), Is.EqualTo(Enum.GetValues<MatchCategory>()));
            Assert.That(report.Definitions.Select(d => d.Figure), Does.Contain("overdue-citizens").And.Contain("monthly"));
            Assert.That(report.Definitions, Has.All.Matches<FigureDefinition>(d => d.Name.Length > 0 && d.NameDa.Length > 0 && d.Text.Length > 0));
            Assert.That(report.Months.First().First, Is.EqualTo(new DateTime(Today.AddYears(-1).Year, Today.AddYears(-1).Month, 1)));
            Assert.That((entry.Outcome, entry.Cpr, entry.SubjectKind, entry.SubjectCode), Is.EqualTo(("Ok", (string?)null, "Municipality", Callers.MunicipalityCode)));
            Assert.That(entry.AgreementId, Is.EqualTo(Callers.AgreementId(As.Municipality)));
        }
    }

    [Test]
    public async Task GetSupervisionReport_AnotherMunicipality_IsOutsideTheSupervisionScopeAndTheAttemptIsLogged()
    {
        await _gateway.Authorities.AddAuthorityAsync(new AuthorityId(AuthorityKind.Municipality, "101"), "København", "tests", CancellationToken.None);

        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() =>
            _gateway.Client().GetSupervisionReport(Query(new Authority { Kind = AuthorityKind.Municipality, Code = "101" }, Today.AddMonths(-1), Today)))!;

        var entry = (await EntriesAsync("GetSupervisionReport")).Last(e => e.SubjectCode == "101");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fault.Detail.Code, Is.EqualTo("Client.AccessDenied.OutsideSupervisionScope"));
            Assert.That(entry.Outcome, Is.EqualTo("Client.AccessDenied.OutsideSupervisionScope"));
        }
    }

    [Test]
    public async Task GetSupervisionReport_OtherActorForItsPrincipal_IsAnsweredButNotForItself()
    {
        var client = _gateway.Client(As.OtherActor);

        var report = await client.GetSupervisionReport(Query(Municipality, Today.AddYears(-1), Today));
        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() =>
            client.GetSupervisionReport(Query(new Authority { Kind = AuthorityKind.OtherActor, Code = Callers.OtherActorCvr }, Today.AddYears(-1), Today)))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Interviews, Is.EqualTo(3));
            Assert.That(fault.Detail.Code, Is.EqualTo("Client.Validation.RuleViolation"));
            Assert.That(fault.Detail.FieldErrors!.Select(f => (f.Field, f.Code)), Is.EqualTo(new[] { ("Query/Authority/Kind", "Supervision.NotResponsible") }));
        }
    }

    [Test]
    public async Task GetSupervisionReport_Supervisor_ReadsAnyRegisteredAuthorityButNoUnknownOne()
    {
        var supervisor = await _gateway.SupervisorClientAsync(overdueCpr: false);

        var report = await supervisor.GetSupervisionReport(Query(Municipality, Today.AddYears(-1), Today));
        var unknown = Assert.ThrowsAsync<FaultException<GatewayFault>>(() =>
            supervisor.GetSupervisionReport(Query(new Authority { Kind = AuthorityKind.Municipality, Code = "998" }, Today.AddYears(-1), Today)))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Interviews, Is.EqualTo(3));
            Assert.That(unknown.Detail.FieldErrors!.Select(f => f.Code), Is.EqualTo(new[] { "Authority.Unknown" }));
        }
    }

    [TestCase(0, -1, "Period.Reversed", TestName = "GetSupervisionReport_PeriodEndingBeforeItStarts_IsARuleViolation")]
    [TestCase(-6, 0, "Period.TooLong", TestName = "GetSupervisionReport_PeriodOfSixYears_IsARuleViolation")]
    public void GetSupervisionReport_BadPeriod_IsARuleViolation(int fromYears, int toDays, string code)
    {
        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() =>
            _gateway.Client().GetSupervisionReport(Query(Municipality, Today.AddYears(fromYears), Today.AddDays(toDays))))!;

        Assert.That(fault.Detail.FieldErrors!.Select(f => (f.Field, f.Code)), Is.EqualTo(new[] { ("Query/To", code) }));
    }

    // The attack of 2026-12-02: the year 1 ran the monthly series from minus infinity for 30 s a call and took the
    // pool; the year 9999 overflowed. Days outside the data basis's years are refused before anything is computed.
    [TestCase("0001-01-01", "0001-01-01", "Query/From", TestName = "GetSupervisionReport_TheYearOne_IsOutOfRangeAtOnce")]
    [TestCase("2004-12-31", "2005-06-30", "Query/From", TestName = "GetSupervisionReport_DayBeforeTheOrdersFirstYear_IsOutOfRange")]
    [TestCase("9999-12-31", "9999-12-31", "Query/From", TestName = "GetSupervisionReport_TheYear9999_IsOutOfRangeNotAnOverflow")]
    public void GetSupervisionReport_DayOutsideTheDataBasis_IsARuleViolation(string from, string to, string field)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() =>
            _gateway.Client().GetSupervisionReport(Query(Municipality, DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(to, System.Globalization.CultureInfo.InvariantCulture))))!;

        Assert.That(fault.Detail.FieldErrors!.Select(f => (f.Field, f.Code)), Does.Contain((field, "Date.OutOfRange")));
        TestContext.Out.WriteLine($"Answered in {started.ElapsedMilliseconds} ms");
    }

    [Test]
    public void ListOverdueCitizens_TheYearOne_IsOutOfRange()
    {
        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _gateway.Client().ListOverdueCitizens(Overdue(Municipality, DateTime.MinValue, false), null, null))!;

        Assert.That(fault.Detail.FieldErrors!.Select(f => (f.Field, f.Code)), Is.EqualTo(new[] { ("Query/AsOf", "Date.OutOfRange") }));
    }

    [Test]
    public async Task ListOverdueCitizens_WithoutCpr_ListsMaskedNumbersMostOverdueFirstInOneLogEntry()
    {
        var before = (await EntriesAsync("ListOverdueCitizens")).Count;

        var page = await _gateway.Client().ListOverdueCitizens(Overdue(Municipality, Today, false), null, null);

        var entries = (await EntriesAsync("ListOverdueCitizens")).Skip(before).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Total, Is.EqualTo(2));
            Assert.That(page.Citizens.Select(c => c.MaskedCpr), Is.EqualTo(new[] { Cpr.Mask(_longest), Cpr.Mask(_longer) }));
            Assert.That(page.Citizens.Select(c => c.Cpr), Is.All.Null);
            Assert.That(page.Citizens.Select(c => c.LastInterviewOn), Is.EqualTo(new[] { Today.AddDays(-150), Today.AddDays(-110) }));
            Assert.That(page.Citizens.Select(c => c.NextContactOn), Is.EqualTo(new[] { Today.AddDays(-150 + 21), Today.AddDays(-110 + 21) }));
            Assert.That(page.NextCursor, Is.Null, "one page holds the list");
            Assert.That(entries.Select(e => (e.Cpr, e.SubjectCode, e.Outcome)), Is.EqualTo(new[] { ((string?)null, (string?)Callers.MunicipalityCode, "Ok") }));
        }
    }

    [Test]
    public void ListOverdueCitizens_CprAskedForWithoutTheScope_IsRefused()
    {
        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _gateway.Client().ListOverdueCitizens(Overdue(Municipality, Today, true), null, null))!;

        Assert.That(fault.Detail.Code, Is.EqualTo("Client.AccessDenied.CprNotInScope"));
    }

    [Test]
    public async Task ListOverdueCitizens_CprUnderTheScope_ListsFullNumbersWithOneLogEntryPerCitizenAndNoneInTheLog()
    {
        var supervisor = await _gateway.SupervisorClientAsync(overdueCpr: true);
        var before = (await EntriesAsync("ListOverdueCitizens")).Count;

        var page = await supervisor.ListOverdueCitizens(Overdue(Municipality, Today, true), null, null);

        var entries = (await EntriesAsync("ListOverdueCitizens")).Skip(before).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Citizens.Select(c => c.Cpr), Is.EqualTo(new[] { _longest, _longer }));
            Assert.That(page.Citizens.Select(c => c.MaskedCpr), Is.All.Null);
            Assert.That(entries.Select(e => (e.Cpr, e.RegistrationId, e.SubjectCode)),
                Is.EqualTo(page.Citizens.Select(c => ((string?)c.Cpr, (Guid?)c.RegistrationId, (string?)Callers.MunicipalityCode))));
            Assert.That(_gateway.Log.Entries.Select(e => e.Message + e.Exception), Has.None.Contains(_longest).And.None.Contains(_longer));
        }
    }

    [Test]
    public async Task ListOverdueCitizens_OneAPage_FollowsTheCursorToTheEnd()
    {
        var client = _gateway.Client();

        var first = await client.ListOverdueCitizens(Overdue(Municipality, Today, false), null, 1);
        var second = await client.ListOverdueCitizens(Overdue(Municipality, Today, false), first.NextCursor, 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((first.Total, second.Total), Is.EqualTo((2, 2)));
            Assert.That(first.Citizens.Concat(second.Citizens).Select(c => c.MaskedCpr), Is.EqualTo(new[] { Cpr.Mask(_longest), Cpr.Mask(_longer) }));
            Assert.That(first.NextCursor, Is.Not.Null);
            Assert.That(second.NextCursor, Is.Null);
        }
    }

    [Test]
    public async Task ListOverdueCitizens_AnEarlierDay_JudgesOverdueOnThatDay()
    {
        var page = await _gateway.Client().ListOverdueCitizens(Overdue(Municipality, Today.AddDays(-40), false), null, null);

        Assert.That(page.Citizens.Select(c => c.MaskedCpr), Is.EqualTo(new[] { Cpr.Mask(_longest) }), "110 days ago was 70 days before then");
    }

    [Test]
    public void ListOverdueCitizens_CursorNotHandedOut_IsARuleViolation()
    {
        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _gateway.Client().ListOverdueCitizens(Overdue(Municipality, Today, false), "20260101-nothex", null))!;

        Assert.That(fault.Detail.FieldErrors!.Select(f => (f.Field, f.Code)), Is.EqualTo(new[] { ("Cursor", "Cursor.Invalid") }));
    }

    [Test]
    public async Task SupervisionOperations_AgreementNotListingThem_AreNotInTheAgreement()
    {
        var agreement = await _gateway.Agreements.RequestAgreementAsync(new Gateway.Domain.Agreements.AgreementRequest
        {
            Authority = new AuthorityId(AuthorityKind.Municipality, Callers.MunicipalityCode),
            ItSystemId = _gateway.ItSystemId,
            Operations = new HashSet<string>(["Ping", "GetContactCourse"], StringComparer.Ordinal),
            Environment = Gateway.Domain.Agreements.GatewayEnvironment.Test,
            ValidFrom = new DateOnly(2005, 9, 1),
        }, "tests", "An agreement of contract 1.3", CancellationToken.None, activate: true);
        var client = _gateway.ClientWith(TestGateway.ClientCertificate, () =>
        {
            var context = Callers.ContextOf(As.Municipality);
            context.AgreementId = agreement.Id;
            return context;
        });

        var report = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.GetSupervisionReport(Query(Municipality, Today.AddMonths(-1), Today)))!;
        var list = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.ListOverdueCitizens(Overdue(Municipality, Today, false), null, null))!;

        Assert.That((report.Detail.Code, list.Detail.Code), Is.EqualTo(("Client.AccessDenied.OperationNotInAgreement", "Client.AccessDenied.OperationNotInAgreement")));
    }

    private static SupervisionQuery Query(Authority authority, DateTime from, DateTime to) => new() { Authority = authority, From = from, To = to };

    private static OverdueQuery Overdue(Authority authority, DateTime asOf, bool includeCpr) => new() { Authority = authority, AsOf = asOf, IncludeCpr = includeCpr };

    private static InterviewRegistration Registration(string cpr, DateTime heldOn)
    {
        var registration = SampleRegistrations.Minimal(cpr);
        registration.Interview.HeldOn = heldOn;
        registration.NextContact = new NextContact { PlannedOn = heldOn.AddDays(21), PlannedOnSpecified = true };
        return registration;
    }

    private async Task<List<Entry>> EntriesAsync(string operation)
    {
        await using var connection = await _gateway.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<Entry>(
            """
            select agreement_id as AgreementId, cpr as Cpr, registration_id as RegistrationId, outcome as Outcome,
                   subject_kind as SubjectKind, subject_code as SubjectCode
            from access_log where operation = @operation order by id
            """, new { operation })];
    }

    private sealed record Entry(Guid AgreementId, string? Cpr, Guid? RegistrationId, string Outcome, string? SubjectKind, string? SubjectCode);
}
