using System.ServiceModel.Channels;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using Gateway.Contracts.Types;

namespace Gateway.Contracts;

/// <summary>The <see cref="CallContext"/> as a SOAP header, written with XmlSerializer exactly as the XSD describes it.</summary>
public sealed class CallContextHeader(CallContext context) : MessageHeader
{
    private static readonly XmlSerializer Serializer = new(typeof(CallContext));

    /// <inheritdoc />
    public override string Name => CallContext.ElementName;

    /// <inheritdoc />
    public override string Namespace => ContractNamespace.V1;

    /// <inheritdoc />
    protected override void OnWriteHeaderContents(XmlDictionaryWriter writer, MessageVersion messageVersion)
    {
        var document = new XDocument();
        using (var xml = document.CreateWriter())
        {
            Serializer.Serialize(xml, context);
        }

        // MessageHeader writes the CallContext element itself; only its children go here.
        foreach (var child in document.Root!.Elements())
        {
            child.WriteTo(writer);
        }
    }
}
