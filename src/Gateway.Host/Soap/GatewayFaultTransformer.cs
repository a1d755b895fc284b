using System.Reflection;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Xml;
using Gateway.Domain.Faults;
using Gateway.Host.Pipeline;
using Gateway.Host.Pipeline.Faults;
using SoapCore;
using SoapCore.Extensibility;

namespace Gateway.Host.Soap;

/// <summary>
/// The fault stage for everything the dispatcher raises: a <see cref="GatewayException"/> becomes its coded
/// fault, anything else becomes <c>Server.Internal</c> and is logged with its exception. No exception text
/// ever reaches the caller (SoapCore's own transformer would send <c>exception.Message</c>).
/// </summary>
internal sealed class GatewayFaultTransformer(IHttpContextAccessor httpContext, FaultLog log) : IFaultExceptionTransformer
{
    public Message ProvideFault(Exception exception, MessageVersion messageVersion, Message requestMessage, ConcurrentXmlNamespaceLookup xmlNamespaceManager)
    {
        var refusal = Unwrap(exception) is GatewayException coded ? coded.Refusal : new Refusal(FaultCodes.Internal);
        var call = httpContext.HttpContext?.Features.Get<SoapCall>() ?? new SoapCall(Guid.NewGuid().ToString("N"));
        call.Refusal = refusal;
        log.Refused(call, refusal, exception);
        var version = messageVersion.Envelope == EnvelopeVersion.Soap12 ? SoapVersion.Soap12 : SoapVersion.Soap11;
        return Message.CreateMessage(messageVersion, null, new FaultBodyWriter(version, refusal, call.CorrelationId));
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions: [var single] } => Unwrap(single),
        _ => exception,
    };

    // The Primitives reference assembly hides MessageFault's writers, so the fault XML is written here.
    private sealed class FaultBodyWriter(SoapVersion version, Refusal refusal, string correlationId) : BodyWriter(isBuffered: true)
    {
        protected override void OnWriteBodyContents(XmlDictionaryWriter writer) =>
            SoapFaultXml.WriteFault(writer, version, refusal, correlationId);
    }
}
