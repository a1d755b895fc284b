using System.Xml;
using System.Xml.Serialization;
using Gateway.Contracts;

namespace Gateway.Host.Soap;

/// <summary>
/// An operation's answer in the document/literal wrapped style of the WSDL: the element <c>{Operation}Response</c>
/// holding one part, written with XmlSerializer as the contract types describe it.
/// </summary>
internal sealed record OperationResponse(string Operation, string PartName, object Part)
{
    private static readonly XmlSerializerNamespaces Namespaces = new([new XmlQualifiedName("", ContractNamespace.V1)]);

    /// <summary>Writes the wrapper element and its part.</summary>
    public void WriteTo(XmlWriter writer)
    {
        writer.WriteStartElement(Operation + "Response", ContractNamespace.V1);
        OperationRequest.SerializerFor(Part.GetType(), PartName).Serialize(writer, Part, Namespaces);
        writer.WriteEndElement();
    }
}
