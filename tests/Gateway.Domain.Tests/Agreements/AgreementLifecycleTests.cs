using Gateway.Domain.Agreements;

namespace Gateway.Domain.Tests.Agreements;

public class AgreementLifecycleTests
{
    // domain.md § 7: Requested → Active or Rejected; Active ⇄ Suspended; Active/Suspended → Terminated; Active → Expired.
    [TestCase(AgreementStatus.Requested, AgreementAction.Approve, AgreementStatus.Active)]
    [TestCase(AgreementStatus.Requested, AgreementAction.Reject, AgreementStatus.Rejected)]
    [TestCase(AgreementStatus.Active, AgreementAction.Suspend, AgreementStatus.Suspended)]
    [TestCase(AgreementStatus.Suspended, AgreementAction.Resume, AgreementStatus.Active)]
    [TestCase(AgreementStatus.Active, AgreementAction.Terminate, AgreementStatus.Terminated)]
    [TestCase(AgreementStatus.Suspended, AgreementAction.Terminate, AgreementStatus.Terminated)]
    [TestCase(AgreementStatus.Active, AgreementAction.Expire, AgreementStatus.Expired)]
    public void Next_AllowedTransition_LeadsToItsStatus(AgreementStatus from, AgreementAction action, AgreementStatus to) =>
        Assert.That(AgreementLifecycle.Next(from, action), Is.EqualTo(to));

    [Test]
    public void Next_EveryOtherPair_IsRefused()
    {
        var allowed = new HashSet<(AgreementStatus, AgreementAction)>
        {
            (AgreementStatus.Requested, AgreementAction.Approve), (AgreementStatus.Requested, AgreementAction.Reject),
            (AgreementStatus.Active, AgreementAction.Suspend), (AgreementStatus.Suspended, AgreementAction.Resume),
            (AgreementStatus.Active, AgreementAction.Terminate), (AgreementStatus.Suspended, AgreementAction.Terminate),
            (AgreementStatus.Active, AgreementAction.Expire),
        };
        var refused = from status in Enum.GetValues<AgreementStatus>()
                      from action in Enum.GetValues<AgreementAction>()
                      where !allowed.Contains((status, action))
                      select (status, action);

        Assert.That(refused.Where(p => AgreementLifecycle.Next(p.status, p.action) is not null), Is.Empty);
    }

    [TestCase(AgreementStatus.Rejected)]
    [TestCase(AgreementStatus.Terminated)]
    [TestCase(AgreementStatus.Expired)]
    public void AllowedFrom_FinalStatus_IsNothing(AgreementStatus status) =>
        Assert.That(AgreementLifecycle.AllowedFrom(status), Is.Empty);
}
