using System.Xml;
using Gateway.Contracts;
using Gateway.Contracts.Types;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.Host.Pipeline.Faults;

/// <summary>
/// Writes the one fault shape of the gateway (domain.md § 10): a SOAP 1.1 or 1.2 Fault whose code says who must
/// act (Client/Sender or Server/Receiver), whose text is the catalogue's (or a conformance drill's, which says it is
/// one), and whose detail is a
/// <see cref="GatewayFault"/> element. The SOAP 1.1 <c>faultcode</c> is unqualified, as WCF clients require.
/// </summary>
internal static class SoapFaultXml
{
    private const string Language = "en";

    public static void WriteFault(XmlWriter writer, SoapVersion version, Refusal refusal, string correlationId)
    {
        var env = version.EnvelopeNamespace;
        var party = refusal.Code.IsClientFault ? version.SenderFaultCode : version.ReceiverFaultCode;
        writer.WriteStartElement("s", "Fault", env);
        // Declared here too, so the QName in the code resolves whatever prefix the enclosing envelope uses.
        writer.WriteAttributeString("xmlns", "s", null, env);
        if (version == SoapVersion.Soap11)
        {
            writer.WriteElementString("faultcode", "s:" + party);
            writer.WriteStartElement("faultstring");
            writer.WriteAttributeString("xml", "lang", null, Language);
            writer.WriteString(refusal.Text);
            writer.WriteEndElement();
            writer.WriteStartElement("detail");
            WriteDetail(writer, refusal, correlationId);
            writer.WriteEndElement();
        }
        else
        {
            writer.WriteStartElement("s", "Code", env);
            writer.WriteElementString("s", "Value", env, "s:" + party);
            writer.WriteEndElement();
            writer.WriteStartElement("s", "Reason", env);
            writer.WriteStartElement("s", "Text", env);
            writer.WriteAttributeString("xml", "lang", null, Language);
            writer.WriteString(refusal.Text);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement("s", "Detail", env);
            WriteDetail(writer, refusal, correlationId);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteDetail(XmlWriter writer, Refusal refusal, string correlationId)
    {
        var ns = ContractNamespace.V1;
        writer.WriteStartElement(GatewayFault.ElementName, ns);
        writer.WriteElementString(nameof(GatewayFault.Code), ns, refusal.Code.Value);
        writer.WriteElementString(nameof(GatewayFault.Text), ns, refusal.Text);
        writer.WriteElementString(nameof(GatewayFault.CorrelationId), ns, correlationId);
        writer.WriteElementString(nameof(GatewayFault.Retryable), ns, XmlConvert.ToString(refusal.Code.Retryable));
        if (refusal.Fields.Count > 0)
        {
            writer.WriteStartElement(nameof(GatewayFault.FieldErrors), ns);
            foreach (var field in refusal.Fields)
            {
                writer.WriteStartElement(nameof(FieldError), ns);
                // Paths and texts can carry what the caller sent (an element's name, a validator's quote): nothing
                // that could be a CPR number leaves in a fault, whichever stage wrote the violation.
                writer.WriteElementString(nameof(FieldError.Field), ns, Cpr.MaskWithin(field.Field));
                writer.WriteElementString(nameof(FieldError.Code), ns, field.Code);
                writer.WriteElementString(nameof(FieldError.Text), ns, Cpr.MaskWithin(field.Text));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
