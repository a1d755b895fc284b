using Gateway.Domain.AccessLog;
using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using Gateway.Domain.Tests.Faults;
using Moq;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>RegisterInterview under a request id already taken: the same content replays the first receipt, other content is refused.</summary>
public class IdempotentRegistrationTests
{
    private static readonly RegistrationRules Rules = SampleRegistrations.RulesOf(new RegistrationPolicy());
    private static readonly Receipt First = new(Guid.Parse("01a2183d-3dde-7a1b-b5fb-956b20012647"), 1, DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), false, []);
    private Mock<IRegistrationStore> _store = null!;

    [SetUp]
    public void CreateStore() => _store = new Mock<IRegistrationStore>(MockBehavior.Strict);

    [Test]
    public async Task HandleAsync_RequestIdTakenBySameContent_ReplaysTheFirstReceipt()
    {
        TakenBy(RequestFingerprint.OfRegistration(MunicipalityCaller, MunicipalityInterview()).Value);

        var outcome = await Operation().HandleAsync(MunicipalityCaller, MunicipalityInterview(), CancellationToken.None);

        Assert.That(outcome.ExpectValue(), Is.SameAs(First));
    }

    [Test]
    public async Task HandleAsync_RequestIdTakenByOtherContent_RequestIdReused()
    {
        TakenBy(RequestFingerprint.OfRegistration(MunicipalityCaller, MunicipalityInterview() with { CitizenComments = "something else" }).Value);

        var outcome = await Operation().HandleAsync(MunicipalityCaller, MunicipalityInterview(), CancellationToken.None);

        Assert.That(outcome.ExpectRefusal().Code, Is.EqualTo(FaultCodes.RequestIdReused));
    }

    [Test]
    public async Task HandleAsync_RequestIdTakenBeforeTheUpgradeBySameContent_ReplaysTheFirstReceipt()
    {
        // The write was stored by a release that fingerprinted in form v0; its retry arrives after the upgrade.
        TakenBy(RequestFingerprint.OfRegistration(MunicipalityCaller, MunicipalityInterview()).Legacy);

        var outcome = await Operation().HandleAsync(MunicipalityCaller, MunicipalityInterview(), CancellationToken.None);

        Assert.That(outcome.ExpectValue(), Is.SameAs(First));
    }

    [Test]
    public async Task HandleAsync_RequestIdTakenBeforeTheUpgradeByOtherContent_RequestIdReused()
    {
        TakenBy(RequestFingerprint.OfRegistration(MunicipalityCaller, MunicipalityInterview() with { CitizenComments = "something else" }).Legacy);

        var outcome = await Operation().HandleAsync(MunicipalityCaller, MunicipalityInterview(), CancellationToken.None);

        Assert.That(outcome.ExpectRefusal().Code, Is.EqualTo(FaultCodes.RequestIdReused));
    }

    [Test]
    public async Task HandleAsync_RetryThatTodaysRulesWouldRefuse_StillReplaysTheFirstReceipt()
    {
        // Accepted once; the same write sent again is answered as then, whatever the rules say now.
        var refusedNow = MunicipalityInterview() with { EmploymentGoals = [] };
        _store.Setup(s => s.FindRequestAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new EarlierRequest(RequestFingerprint.OfRegistration(MunicipalityCaller, refusedNow).Value, First));

        var outcome = await Operation().HandleAsync(MunicipalityCaller, refusedNow, CancellationToken.None);

        Assert.That(outcome.ExpectValue(), Is.SameAs(First));
    }

    [Test]
    public void Fingerprint_SameWriteAgain_SameButNotForAnotherCaseWorker()
    {
        var one = RequestFingerprint.OfRegistration(MunicipalityCaller, MunicipalityInterview());
        Assert.Multiple(() =>
        {
            Assert.That(RequestFingerprint.OfRegistration(MunicipalityCaller, MunicipalityInterview()), Is.EqualTo(one));
            Assert.That(RequestFingerprint.OfRegistration(MunicipalityCaller with { CaseWorkerId = "someone-else" }, MunicipalityInterview()), Is.Not.EqualTo(one));
        });
    }

    private RegisterInterview Operation() => AdmittedCalls.Register(_store.Object, new FixedTimeProvider(SameAfternoon));

    // The store reports the request id taken (as when another write committed it first) and finds that write.
    private void TakenBy(string fingerprint)
    {
        _store.Setup(s => s.WriteAsync(It.IsAny<StoredRegistration>(), It.IsAny<WriteRequest>(), It.IsAny<Receipt>(), It.IsAny<AccessEntry>(), It.IsAny<CancellationToken>())).ReturnsAsync(WriteResult.RequestIdTaken);
        _store.Setup(s => s.FindRequestAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new EarlierRequest(fingerprint, First));
    }
}
