using Gateway.Domain.Agreements;
using Gateway.Domain.Conformance;
using Gateway.Domain.Tests.Agreements;

namespace Gateway.Domain.Tests.Conformance;

/// <summary>Which amendments the production gate judges: a widening of a Production agreement that is Active or Suspended, and nothing else.</summary>
public class ConformanceGateTests
{
    private static readonly Agreement Agreement = SampleAgreements.ActiveProduction with { ValidTo = null };

    private static readonly AgreementAmendment Widening = new() { ReadScope = ReadScope.AllCitizens };

    private static readonly AgreementAmendment Narrowing = new() { ValidTo = new(new DateOnly(2026, 12, 31)) };

    [TestCase(GatewayEnvironment.Production, AgreementStatus.Active, true)]
    [TestCase(GatewayEnvironment.Production, AgreementStatus.Suspended, true)]
    [TestCase(GatewayEnvironment.Production, AgreementStatus.Requested, false)]
    [TestCase(GatewayEnvironment.Test, AgreementStatus.Active, false)]
    [TestCase(GatewayEnvironment.Test, AgreementStatus.Suspended, false)]
    public void Guards_WideningAmendment_OnlyOfAProductionAgreementThatWasApproved(GatewayEnvironment environment, AgreementStatus status, bool guarded) =>
        Assert.That(ConformanceGate.Guards(Widening.Revise(Agreement with { Environment = environment, Status = status })), Is.EqualTo(guarded));

    [TestCase(AgreementStatus.Active)]
    [TestCase(AgreementStatus.Suspended)]
    public void Guards_NarrowingAmendmentOfProduction_False(AgreementStatus status) =>
        Assert.That(ConformanceGate.Guards(Narrowing.Revise(Agreement with { Status = status })), Is.False);

    [Test]
    public void Guards_ContactOfProduction_False() =>
        Assert.That(ConformanceGate.Guards(new AgreementAmendment { Contact = new("it@kk.example") }.Revise(Agreement)), Is.False);

    [Test]
    public void AmendmentOverrideNote_MissingScenarios_NamesThemAndTheReason()
    {
        var report = ConformanceCatalogue.Evaluate(new ConformanceTarget(Agreement.Operations, Agreement.CaseTypes), []);

        var note = ConformanceGate.AmendmentOverrideNote(report, "Ministry deadline");

        Assert.That(note, Does.StartWith($"Amended without conformance (catalogue {ConformanceCatalogue.Version}); missing: operation.").And.Contain("operation.Ping, ")
            .And.EndWith(". Reason: Ministry deadline"));
    }
}
