using System.ServiceModel;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Soap;

/// <summary>
/// Corrections and cancellations through the real WCF client against PostgreSQL (domain.md § 5): a registration is
/// never overwritten, stale versions and foreign registrations are refused with nothing stored, and retries are safe.
/// </summary>
[TestFixture]
public sealed class CorrectionTests
{
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task Correct_ThenCancel_HistoryKeepsEveryVersionAndTheCourseShowsTheCurrentState()
    {
        var client = _gateway.Client();
        var cpr = TestCitizens.Next();
        var registered = await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
        var corrected = SampleRegistrations.Minimal(cpr);
        corrected.MatchCategory = MatchCategory.IntetMatch;

        var correction = await client.CorrectInterview(NewRequestId(), registered.RegistrationId, 1, "Forkert matchkategori.", corrected);
        var courseAfterCorrection = await client.GetContactCourse(cpr);
        var cancellation = await client.CancelInterview(NewRequestId(), registered.RegistrationId, 2, "Registreret på forkert borger.");
        var courseAfterCancellation = await client.GetContactCourse(cpr);
        var history = await client.GetInterview(registered.RegistrationId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((correction.RegistrationId, correction.Version), Is.EqualTo((registered.RegistrationId, 2)));
            Assert.That(cancellation.Version, Is.EqualTo(3));

            Assert.That(courseAfterCorrection.Registrations.Single().Version, Is.EqualTo(2));
            Assert.That(courseAfterCorrection.Registrations.Single().Change, Is.EqualTo(ChangeKind.Corrected));
            Assert.That(courseAfterCorrection.Registrations.Single().Reason, Is.EqualTo("Forkert matchkategori."));
            Assert.That(courseAfterCorrection.LatestMatchCategory, Is.EqualTo(MatchCategory.IntetMatch));
            Assert.That(courseAfterCancellation.Registrations, Is.Empty, "a cancelled registration no longer counts in the course");
            Assert.That(courseAfterCancellation.CurrentCaseTypeSpecified, Is.False);

            Assert.That(history.Cpr, Is.EqualTo(cpr));
            Assert.That(history.CurrentVersion, Is.EqualTo(3));
            Assert.That(history.Cancelled, Is.True);
            Assert.That(history.Versions.Select(v => (v.Version, v.Change, v.Reason)), Is.EqualTo(new[]
            {
                (1, ChangeKind.Registered, (string?)null),
                (2, ChangeKind.Corrected, "Forkert matchkategori."),
                (3, ChangeKind.Cancelled, "Registreret på forkert borger."),
            }));
            Assert.That(history.Versions.Select(v => v.Interview.MatchCategory), Is.EqualTo(new[] { MatchCategory.DelvisMatch, MatchCategory.IntetMatch, MatchCategory.IntetMatch }));
            Assert.That(history.Versions[1].ReceivedAt, Is.EqualTo(correction.ReceivedAt));
        }
    }

    [Test]
    public async Task Correct_StaleVersion_IsStaleVersionAndStoresNothing()
    {
        var client = _gateway.Client();
        var cpr = TestCitizens.Next();
        var registered = await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
        await client.CorrectInterview(NewRequestId(), registered.RegistrationId, 1, "Første rettelse.", SampleRegistrations.Minimal(cpr));
        var before = await VersionsAsync(registered.RegistrationId);

        var code = FaultCode(() => client.CorrectInterview(NewRequestId(), registered.RegistrationId, 1, "Rettelse af gammel version.", SampleRegistrations.Minimal(cpr)));
        var cancelCode = FaultCode(() => client.CancelInterview(NewRequestId(), registered.RegistrationId, 1, "Annullering af gammel version."));
        var aheadCode = FaultCode(() => client.CancelInterview(NewRequestId(), registered.RegistrationId, 3, "En version der ikke findes."));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo("Client.Conflict.StaleVersion"));
            Assert.That(cancelCode, Is.EqualTo("Client.Conflict.StaleVersion"));
            Assert.That(aheadCode, Is.EqualTo("Client.Conflict.StaleVersion"));
            Assert.That(await VersionsAsync(registered.RegistrationId), Is.EqualTo(before));
        }
    }

    [Test]
    public async Task Correct_TwoConcurrentCorrectionsOfOneVersion_OneWinsAndTheOtherIsStale()
    {
        const int rounds = 10;
        for (var round = 0; round < rounds; round++)
        {
            var cpr = TestCitizens.Next();
            var registered = await _gateway.Client().RegisterInterview(SampleRegistrations.Minimal(cpr));
            var contenders = new[] { (_gateway.Client(), MatchCategory.UmiddelbartMatch), (_gateway.Client(), MatchCategory.IntetMatch) };

            var results = await Task.WhenAll(contenders.Select(c => Task.Run(async () =>
            {
                var registration = SampleRegistrations.Minimal(cpr);
                registration.MatchCategory = c.Item2;
                try
                {
                    return (Receipt: await c.Item1.CorrectInterview(NewRequestId(), registered.RegistrationId, 1, "Samtidig rettelse.", registration), Code: (string?)null);
                }
                catch (FaultException<GatewayFault> fault)
                {
                    return (Receipt: (RegistrationReceipt?)null, Code: fault.Detail.Code);
                }
            })));

            var history = await _gateway.Client().GetInterview(registered.RegistrationId);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(results.Count(r => r.Receipt is not null), Is.EqualTo(1), $"round {round}: exactly one correction wins");
                Assert.That(results.Where(r => r.Receipt is null).Select(r => r.Code), Is.EqualTo(new[] { "Client.Conflict.StaleVersion" }));
                Assert.That(history.Versions.Select(v => v.Version), Is.EqualTo(new[] { 1, 2 }));
                Assert.That(await _gateway.CountAsync($"write_request where request_id like 'corr-%' and fingerprint is not null and receipt->>'RegistrationId' = '{registered.RegistrationId}'"),
                    Is.EqualTo(1L), "the loser's request id is not claimed: it can be sent again after a fresh read");
            }
        }
    }

    [Test]
    public async Task Correct_RetryWithTheSameRequestId_ReturnsTheFirstReceiptEvenThoughTheVersionMovedOn()
    {
        var client = _gateway.Client();
        var cpr = TestCitizens.Next();
        var registered = await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
        var requestId = NewRequestId();

        var first = await client.CorrectInterview(requestId, registered.RegistrationId, 1, "Rettelse.", SampleRegistrations.Minimal(cpr));
        var again = await client.CorrectInterview(requestId, registered.RegistrationId, 1, "Rettelse.", SampleRegistrations.Minimal(cpr));
        var otherContent = FaultCode(() => client.CorrectInterview(requestId, registered.RegistrationId, 1, "En anden rettelse.", SampleRegistrations.Minimal(cpr)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((again.Version, again.ReceivedAt), Is.EqualTo((first.Version, first.ReceivedAt)));
            Assert.That(otherContent, Is.EqualTo("Client.Conflict.RequestIdReused"));
            Assert.That(await VersionsAsync(registered.RegistrationId), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Cancel_ConcurrentDuplicates_StoreOneCancellationAndAllGetTheSameReceipt()
    {
        var cpr = TestCitizens.Next();
        var registered = await _gateway.Client().RegisterInterview(SampleRegistrations.Minimal(cpr));
        var requestId = NewRequestId();

        var receipts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _gateway.Client())
            .Select(c => Task.Run(() => c.CancelInterview(requestId, registered.RegistrationId, 1, "Dobbeltregistrering."))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(receipts.Select(r => (r.Version, r.ReceivedAt)).Distinct(), Has.Exactly(1).Items);
            Assert.That(await VersionsAsync(registered.RegistrationId), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Correct_ByAnotherAuthority_IsNotFoundAsForAnUnknownId()
    {
        var cpr = TestCitizens.Next();
        var registered = await _gateway.Client(As.Municipality).RegisterInterview(SampleRegistrations.Minimal(cpr));
        var unit = _gateway.Client(As.EmploymentServiceUnit);
        var dagpenge = SampleRegistrations.Complete(cpr, CaseType.Dagpenge);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(FaultCode(() => unit.CorrectInterview(NewRequestId(), registered.RegistrationId, 1, "Ikke vores.", dagpenge)), Is.EqualTo("Client.NotFound.Registration"));
            Assert.That(FaultCode(() => unit.CancelInterview(NewRequestId(), registered.RegistrationId, 1, "Ikke vores.")), Is.EqualTo("Client.NotFound.Registration"));
            Assert.That(FaultCode(() => unit.CancelInterview(NewRequestId(), Guid.NewGuid(), 1, "Findes ikke.")), Is.EqualTo("Client.NotFound.Registration"));
            Assert.That(await VersionsAsync(registered.RegistrationId), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Correct_ByTheOtherActorActingForTheResponsibleMunicipality_IsStoredUnderTheMunicipalityWithTheActor()
    {
        var cpr = TestCitizens.Next();
        var registered = await _gateway.Client(As.Municipality).RegisterInterview(SampleRegistrations.Minimal(cpr));

        var receipt = await _gateway.Client(As.OtherActor).CorrectInterview(NewRequestId(), registered.RegistrationId, 1, "Rettet af anden aktør.", SampleRegistrations.Minimal(cpr));
        var history = await _gateway.Client(As.Municipality).GetInterview(registered.RegistrationId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(receipt.Version, Is.EqualTo(2));
            Assert.That(history.ResponsibleAuthority.Code, Is.EqualTo(Callers.MunicipalityCode));
            Assert.That(history.Versions[0].OtherActor, Is.Null);
            Assert.That(history.Versions[1].OtherActor?.Code, Is.EqualTo(Callers.OtherActorCvr));
            Assert.That(history.Versions[1].CaseWorkerId, Is.EqualTo("aa-7"));
        }
    }

    [Test]
    public async Task CorrectOrCancel_Cancelled_IsRegistrationCancelled()
    {
        var client = _gateway.Client();
        var cpr = TestCitizens.Next();
        var registered = await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
        await client.CancelInterview(NewRequestId(), registered.RegistrationId, 1, "Fejl.");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(FaultCode(() => client.CorrectInterview(NewRequestId(), registered.RegistrationId, 2, "For sent.", SampleRegistrations.Minimal(cpr))),
                Is.EqualTo("Client.Conflict.RegistrationCancelled"));
            Assert.That(FaultCode(() => client.CancelInterview(NewRequestId(), registered.RegistrationId, 2, "Igen.")), Is.EqualTo("Client.Conflict.RegistrationCancelled"));
        }
    }

    [Test]
    public async Task Correct_AnotherCitizenOrBrokenRules_IsRuleViolationPerFieldAndStoresNothing()
    {
        var client = _gateway.Client();
        var cpr = TestCitizens.Next();
        var registered = await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
        var otherCitizen = SampleRegistrations.Minimal(TestCitizens.Next());
        otherCitizen.FurtherCourse = new FurtherCourse();

        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.CorrectInterview(NewRequestId(), registered.RegistrationId, 1, "  ", otherCitizen))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fault.Detail.Code, Is.EqualTo("Client.Validation.RuleViolation"));
            Assert.That(fault.Detail.FieldErrors!.Select(f => (f.Field, f.Code)), Is.EquivalentTo(new[]
            {
                ("Reason", "Text.Empty"),
                ("Registration/FurtherCourse", "Item.Missing"),
                ("Registration/Cpr", "Cpr.Unchangeable"),
            }));
            Assert.That(await VersionsAsync(registered.RegistrationId), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Correct_InterviewDateMovedBack_LateIsJudgedFromTheFirstReceipt()
    {
        var client = _gateway.Client();
        var cpr = TestCitizens.Next();
        var registered = await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
        var moved = SampleRegistrations.Minimal(cpr);
        moved.Interview.HeldOn = SampleRegistrations.Today.AddDays(-10);

        var receipt = await client.CorrectInterview(NewRequestId(), registered.RegistrationId, 1, "Samtalen blev holdt tidligere.", moved);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(registered.Late, Is.False);
            Assert.That(receipt.Late, Is.True, "ten days before the first receipt is more than two working days");
            Assert.That(receipt.Warnings.Select(w => w.Code), Does.Contain("Warning.LateRegistration"));
        }
    }

    [Test]
    public async Task GetInterview_OwnCitizensScope_ForeignAndUnknownAreRefusedAlikeWhileUnderAllCitizensUnknownIsNotFound()
    {
        var cpr = TestCitizens.Next();
        var theirs = await _gateway.Client(As.EmploymentServiceUnit).RegisterInterview(SampleRegistrations.Complete(cpr, CaseType.Dagpenge));
        var own = await _gateway.OwnCitizensClientAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(FaultCode(() => own.GetInterview(theirs.RegistrationId)), Is.EqualTo("Client.AccessDenied.OutsideReadScope"));
            Assert.That(FaultCode(() => own.GetInterview(Guid.NewGuid())), Is.EqualTo("Client.AccessDenied.OutsideReadScope"));
            Assert.That(FaultCode(() => _gateway.Client().GetInterview(Guid.NewGuid())), Is.EqualTo("Client.NotFound.Registration"));
            Assert.That((await _gateway.Client().GetInterview(theirs.RegistrationId)).Cpr, Is.EqualTo(cpr), "all-citizens scope reads anyone");
        }
    }

    [Test]
    public async Task GetInterview_OwnCitizensScope_OwnCancelledRegistrationStaysReadable()
    {
        var own = await _gateway.OwnCitizensClientAsync();
        var cpr = TestCitizens.Next();
        var registered = await own.RegisterInterview(SampleRegistrations.Minimal(cpr));
        await own.CancelInterview(NewRequestId(), registered.RegistrationId, 1, "Fejlregistrering.");

        var history = await own.GetInterview(registered.RegistrationId);

        Assert.That((history.Cancelled, history.CurrentVersion), Is.EqualTo((true, 2)));
    }

    private static string NewRequestId() => "corr-" + Guid.NewGuid().ToString("N");

    private async Task<long> VersionsAsync(Guid registrationId) =>
        await _gateway.CountAsync($"registration_version where registration_id = '{registrationId}'");

    private static string FaultCode(Func<Task> call) => Assert.ThrowsAsync<FaultException<GatewayFault>>(() => call())!.Detail.Code;
}
