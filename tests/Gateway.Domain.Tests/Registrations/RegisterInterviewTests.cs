using Gateway.Contracts.CodeLists;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using Gateway.Domain.Tests.Faults;
using Moq;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>RegisterInterview isolated from its store: the rules decide, and only an accepted registration is stored.</summary>
public class RegisterInterviewTests
{
    private static readonly RegistrationRules Rules = SampleRegistrations.RulesOf(new RegistrationPolicy());

    private Mock<IRegistrationStore> _store = null!;

    [SetUp]
    public void CreateStore()
    {
        // Strict: any call the test did not set up fails it, so "stores nothing" means no call at all.
        _store = new Mock<IRegistrationStore>(MockBehavior.Strict);
    }

    [Test]
    public async Task HandleAsync_RefusedRegistration_StoresNothingAndReturnsRuleViolation()
    {
        _store.Setup(s => s.FindRequestAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((EarlierRequest?)null);
        var operation = AdmittedCalls.Register(_store.Object, new FixedTimeProvider(SameAfternoon));

        var outcome = await operation.HandleAsync(MunicipalityCaller, MunicipalityInterview() with { EmploymentGoals = [] }, CancellationToken.None);

        var refusal = outcome.ExpectRefusal();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal.Code, Is.EqualTo(FaultCodes.RuleViolation));
            Assert.That(refusal.Fields.Select(f => (f.Field, f.Code)), Is.EqualTo(new[] { ("Registration/EmploymentGoals", "Item.Missing") }));
        }

        // Only asked whether the request id answered an earlier write; nothing stored.
        _store.Verify(s => s.FindRequestAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _store.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_AcceptedRegistration_StoredAsVersion1ForTheCaller()
    {
        var stored = CaptureAdd();
        var interview = MunicipalityInterview();
        var operation = AdmittedCalls.Register(_store.Object, new FixedTimeProvider(SameAfternoon));

        var outcome = await operation.HandleAsync(MunicipalityCaller, interview, CancellationToken.None);

        var receipt = outcome.ExpectValue();
        Assert.That(stored, Has.Count.EqualTo(1));
        var registration = stored[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(registration.Version, Is.EqualTo(1));
            Assert.That(registration.ReceivedAt, Is.EqualTo(SameAfternoon));
            Assert.That(registration.ResponsibleAuthority, Is.EqualTo(Municipality101));
            Assert.That(registration.OtherActor, Is.Null);
            Assert.That(registration.CaseWorkerId, Is.EqualTo(CaseWorkerId));
            Assert.That(registration.Late, Is.False);
            Assert.That(registration.Interview, Is.SameAs(interview));
            Assert.That(registration.Id.Version, Is.EqualTo(7), "version 7 ids sort by time");
            Assert.That(registration.Channel, Is.EqualTo(RegistrationChannel.WebServices));

            Assert.That(receipt.RegistrationId, Is.EqualTo(registration.Id));
            Assert.That(receipt.Version, Is.EqualTo(1));
            Assert.That(receipt.ReceivedAt, Is.EqualTo(SameAfternoon));
            Assert.That(receipt.Late, Is.False);
            Assert.That(receipt.Warnings, Is.Empty);
        }
    }

    [TestCase(AuthorityKind.Municipality)]
    [TestCase(AuthorityKind.EmploymentServiceUnit)]
    public async Task HandleAsync_OtherActorActing_ResponsibleAuthorityIsThePrincipal(AuthorityKind principalKind)
    {
        var stored = CaptureAdd();
        var caller = CallerFor(principalKind, viaOtherActor: true);
        var operation = AdmittedCalls.Register(_store.Object, new FixedTimeProvider(SameAfternoon));

        var outcome = await operation.HandleAsync(caller, InterviewFor(principalKind), CancellationToken.None);

        var receipt = outcome.ExpectValue();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Single().ResponsibleAuthority, Is.EqualTo(caller.Principal));
            Assert.That(stored.Single().OtherActor, Is.EqualTo(OtherActor));
            Assert.That(receipt.RegistrationId, Is.EqualTo(stored.Single().Id));
        }
    }

    [Test]
    public async Task HandleAsync_RegisteredThreeWorkingDaysLate_StoredAndReceiptFlaggedLate()
    {
        var stored = CaptureAdd();
        // Monday's interview registered on Thursday, Danish time.
        var thursday = new DateTimeOffset(2024, 6, 13, 9, 0, 0, TimeSpan.FromHours(2));
        var operation = AdmittedCalls.Register(_store.Object, new FixedTimeProvider(thursday));

        var outcome = await operation.HandleAsync(MunicipalityCaller, MunicipalityInterview(), CancellationToken.None);

        var receipt = outcome.ExpectValue();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Single().Late, Is.True);
            Assert.That(receipt.Late, Is.True);
            Assert.That(receipt.Warnings.Select(w => w.Code), Is.EqualTo(new[] { "Warning.LateRegistration" }));
        }
    }

    [Test]
    public async Task HandleAsync_CancellationToken_PassedToTheStore()
    {
        using var cancellation = new CancellationTokenSource();
        _store.Setup(s => s.WriteAsync(It.IsAny<StoredRegistration>(), It.IsAny<WriteRequest>(), It.IsAny<Receipt>(), It.IsAny<AccessEntry>(), cancellation.Token)).ReturnsAsync(WriteResult.Stored);
        var operation = AdmittedCalls.Register(_store.Object, new FixedTimeProvider(SameAfternoon));

        await operation.HandleAsync(MunicipalityCaller, MunicipalityInterview(), cancellation.Token);

        _store.Verify(s => s.WriteAsync(It.IsAny<StoredRegistration>(), It.IsAny<WriteRequest>(), It.IsAny<Receipt>(), It.IsAny<AccessEntry>(), cancellation.Token), Times.Once);
    }

    private List<StoredRegistration> CaptureAdd()
    {
        var stored = new List<StoredRegistration>();
        _store.Setup(s => s.WriteAsync(It.IsAny<StoredRegistration>(), It.IsAny<WriteRequest>(), It.IsAny<Receipt>(), It.IsAny<AccessEntry>(), It.IsAny<CancellationToken>()))
            .Callback<StoredRegistration, WriteRequest, Receipt, AccessEntry, CancellationToken>((registration, _, _, _, _) => stored.Add(registration))
            .ReturnsAsync(WriteResult.Stored);
        return stored;
    }
}
