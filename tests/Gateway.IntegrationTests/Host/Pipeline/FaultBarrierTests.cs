using Gateway.Domain.Faults;
using Gateway.Host.Hosting;
using Gateway.Host.Pipeline;
using Gateway.Host.Pipeline.Faults;
using Gateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Host.Pipeline;

/// <summary>The fault stage for what a stage or an operation throws: codes pass through, anything unexpected says nothing of itself.</summary>
[TestFixture]
public sealed class FaultBarrierTests
{
    [Test]
    public async Task UnexpectedException_IsServerInternalWithoutItsMessage_AndIsLoggedWithIt()
    {
        var log = new CapturedLog();
        var (context, body) = Context(SoapVersion.Soap11);
        var barrier = Barrier(_ => throw new InvalidOperationException("connection to 10.0.0.7 failed for citizen 0101901234"), log);

        await barrier.InvokeAsync(context);

        var text = body();
        Assert.Multiple(() =>
        {
            Assert.That(context.Response.StatusCode, Is.EqualTo(500));
            Assert.That(text, Does.Contain("<faultcode>s:Server</faultcode>"));
            Assert.That(text, Does.Contain("<Code>Server.Internal</Code>"));
            Assert.That(text, Does.Contain("<Retryable>true</Retryable>"));
            Assert.That(text, Does.Not.Contain("10.0.0.7").And.Not.Contain("0101901234").And.Not.Contain("InvalidOperation"));
            Assert.That(log.Entries.Single().Exception, Does.Contain("InvalidOperationException"));
        });
    }

    [Test]
    public async Task GatewayException_KeepsItsCodeAndFields_InTheCallsSoapVersion()
    {
        var refusal = new Refusal(FaultCodes.RuleViolation, [new FieldViolation("Registration/Cpr", "Cpr.Invalid", "text")]);
        var (context, body) = Context(SoapVersion.Soap12);
        var barrier = Barrier(_ => throw new GatewayException(refusal), new CapturedLog());

        await barrier.InvokeAsync(context);

        var text = body();
        Assert.Multiple(() =>
        {
            Assert.That(context.Response.ContentType, Is.EqualTo("application/soap+xml; charset=utf-8"));
            Assert.That(text, Does.Contain("<s:Value>s:Sender</s:Value>"));
            Assert.That(text, Does.Contain("<Code>Client.Validation.RuleViolation</Code>"));
            Assert.That(text, Does.Contain("<Field>Registration/Cpr</Field>"));
        });
    }

    private static FaultBarrierMiddleware Barrier(RequestDelegate next, CapturedLog log)
    {
        var loggers = new LoggerFactory([log]);
        return new(next, new FaultLog(loggers.CreateLogger<FaultLog>()), new DatabaseAvailability(TimeProvider.System, loggers.CreateLogger<DatabaseAvailability>()));
    }

    private static (HttpContext Context, Func<string> Body) Context(SoapVersion version)
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        context.Features.Set(new SoapCall("c0ffee") { Version = version });
        return (context, () => System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
