using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Xml;
using Gateway.Domain.Faults;
using Gateway.Host.Pipeline.Faults;
using Gateway.Host.Soap;
using Gateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Host.Soap;

/// <summary>The fault stage for exceptions from the dispatcher: codes pass through, anything unexpected says nothing of itself.</summary>
[TestFixture]
public sealed class GatewayFaultTransformerTests
{
    [Test]
    public void ProvideFault_UnexpectedException_IsServerInternalWithoutItsMessageAndIsLogged()
    {
        var log = new CapturedLog();
        var transformer = new GatewayFaultTransformer(new HttpContextAccessor(), new FaultLog(new LoggerFactory([log]).CreateLogger<FaultLog>()));
        var exception = new InvalidOperationException("connection to 10.0.0.7 failed for citizen 0101901234");

        var text = Write(transformer.ProvideFault(exception, MessageVersion.Soap11, null!, null!));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("<faultcode>s:Server</faultcode>"));
            Assert.That(text, Does.Contain("<Code>Server.Internal</Code>"));
            Assert.That(text, Does.Contain("<Retryable>true</Retryable>"));
            Assert.That(text, Does.Not.Contain("10.0.0.7").And.Not.Contain("0101901234").And.Not.Contain("InvalidOperation"));
            Assert.That(log.Entries.Single().Exception, Does.Contain("InvalidOperationException"));
        });
    }

    [Test]
    public void ProvideFault_WrappedGatewayException_KeepsItsCodeAndFields()
    {
        var transformer = new GatewayFaultTransformer(new HttpContextAccessor(), new FaultLog(new LoggerFactory().CreateLogger<FaultLog>()));
        var refusal = new Refusal(FaultCodes.RuleViolation, [new FieldViolation("Registration/Cpr", "Cpr.Invalid", "text")]);
        var wrapped = new AggregateException(new System.Reflection.TargetInvocationException(new GatewayException(refusal)));

        var text = Write(transformer.ProvideFault(wrapped, MessageVersion.CreateVersion(EnvelopeVersion.Soap12, AddressingVersion.None), null!, null!));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("<s:Value>s:Sender</s:Value>"));
            Assert.That(text, Does.Contain("<Code>Client.Validation.RuleViolation</Code>"));
            Assert.That(text, Does.Contain("<Field>Registration/Cpr</Field>"));
        });
    }

    private static string Write(Message message)
    {
        using var buffer = new StringWriter();
        using (var writer = XmlDictionaryWriter.CreateDictionaryWriter(XmlWriter.Create(buffer)))
        {
            message.WriteMessage(writer);
        }

        return buffer.ToString();
    }
}
