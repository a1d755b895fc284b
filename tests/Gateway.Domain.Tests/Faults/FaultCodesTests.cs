using System.Reflection;
using System.Text.RegularExpressions;
using Gateway.Domain.Faults;

namespace Gateway.Domain.Tests.Faults;

/// <summary>The closed catalogue of fault codes (domain.md § 10): part of the published contract.</summary>
public class FaultCodesTests
{
    private static IEnumerable<FaultCode> Catalogue => FaultCodes.All;

    [Test]
    public void All_Codes_AreUnique() =>
        Assert.That(FaultCodes.All.Select(c => c.Value), Is.Unique);

    [Test]
    public void All_EveryPublicStaticFaultCodeField_IsContained()
    {
        var fields = typeof(FaultCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(FaultCode))
            .Select(f => (FaultCode?)f.GetValue(null))
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fields, Is.Not.Empty);
            Assert.That(FaultCodes.All, Is.EquivalentTo(fields));
            Assert.That(FaultCodes.All, Has.None.Null);
        }
    }

    [TestCaseSource(nameof(Catalogue))]
    public void Code_Value_MatchesHierarchicalPattern(FaultCode code)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code.Value, Does.Match(@"^(Client|Server)(\.[A-Za-z]+)+$"));
            Assert.That(code.Value.StartsWith("Client.", StringComparison.Ordinal) || code.Value.StartsWith("Server.", StringComparison.Ordinal), Is.True);
        }
    }

    [TestCaseSource(nameof(Catalogue))]
    public void Code_ServerOrClient_RetryableOnlyForServer(FaultCode code)
    {
        var isServer = code.Value.StartsWith("Server.", StringComparison.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code.Retryable, Is.EqualTo(isServer));
            Assert.That(code.IsClientFault, Is.EqualTo(!isServer));
        }
    }

    [TestCaseSource(nameof(Catalogue))]
    public void Code_Text_IsGivenAndLeaksNoCpr(FaultCode code)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code.Text, Is.Not.Empty);
            Assert.That(Regex.IsMatch(code.Text, "[0-9]{6}"), Is.False);
        }
    }

    [Test]
    public void ToString_Code_IsThePublishedValue() =>
        Assert.That(FaultCodes.RuleViolation.ToString(), Is.EqualTo("Client.Validation.RuleViolation"));

    [Test]
    public void GatewayException_FromCode_CarriesTheCodeAndNoFields()
    {
        var exception = new GatewayException(FaultCodes.StoreUnavailable);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Refusal.Code, Is.EqualTo(FaultCodes.StoreUnavailable));
            Assert.That(exception.Refusal.Fields, Is.Empty);
            Assert.That(exception.Message, Is.EqualTo("Server.Unavailable"));
        }
    }
}
