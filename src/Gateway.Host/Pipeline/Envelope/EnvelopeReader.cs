using System.Xml;
using System.Xml.Linq;
using Gateway.Domain.Faults;

namespace Gateway.Host.Pipeline.Envelope;

/// <summary>
/// Parses the decoded request once into the tree that every later stage reads: the schema validates it and the
/// operation is dispatched from it. The structural limits are checked while reading, before any node is kept, so an
/// oversized structure costs only the read of its start tag.
/// </summary>
internal static class EnvelopeReader
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        CheckCharacters = true,
    };

    /// <summary>The document of <paramref name="text"/>, or the refusal of a text that is not well-formed XML within <paramref name="limits"/>.</summary>
    public static Outcome<XDocument> Read(string text, EnvelopeLimits limits)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            return Build(reader, limits);
        }
        catch (XmlException)
        {
            return new Refusal(FaultCodes.MalformedXml);
        }
    }

    private static Outcome<XDocument> Build(XmlReader reader, EnvelopeLimits limits)
    {
        var document = new XDocument();
        XContainer current = document;
        var path = new Stack<string>();
        var declarations = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    path.Push(reader.LocalName);
                    if (Exceeds(reader, path, limits, ref declarations) is { } refusal)
                    {
                        return refusal;
                    }

                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    while (reader.MoveToNextAttribute())
                    {
                        element.Add(Attribute(reader));
                    }

                    reader.MoveToElement();
                    current.Add(element);
                    if (reader.IsEmptyElement)
                    {
                        path.Pop();
                    }
                    else
                    {
                        current = element;
                    }

                    break;
                case XmlNodeType.EndElement:
                    DropLayoutWhitespace((XElement)current);
                    current = current.Parent ?? (XContainer)document;
                    path.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    // Outside the root element only whitespace can occur, and it is no part of the document's content.
                    if (current is XElement)
                    {
                        current.Add(reader.Value); // a string joins the text before it: a comment between two texts was one text
                    }

                    break;
                case XmlNodeType.ProcessingInstruction:
                    // SOAP 1.1 § 3 and SOAP 1.2 part 1 § 5: a SOAP message must not contain processing instructions.
                    return new Refusal(FaultCodes.NotSoapEnvelope);
            }
        }

        return document;
    }

    private static Refusal? Exceeds(XmlReader reader, Stack<string> path, EnvelopeLimits limits, ref int declarations)
    {
        if (path.Count > limits.MaxDepth)
        {
            return Limit(path, "Limit.Depth", $"Elements nest deeper than {limits.MaxDepth} levels.");
        }

        if (reader.AttributeCount > limits.MaxAttributesPerElement)
        {
            return Limit(path, "Limit.Attributes", $"An element has more than {limits.MaxAttributesPerElement} attributes.");
        }

        if (TooLong(reader, limits))
        {
            return Limit(path, "Limit.NameLength", $"A name, prefix or namespace is longer than {limits.MaxNameLength} characters.");
        }

        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (TooLong(reader, limits) || (reader.NamespaceURI == XmlnsNamespace && reader.Value.Length > limits.MaxNameLength))
            {
                reader.MoveToElement();
                return Limit(path, "Limit.NameLength", $"A name, prefix or namespace is longer than {limits.MaxNameLength} characters.");
            }

            if (reader.NamespaceURI == XmlnsNamespace && ++declarations > limits.MaxNamespaceDeclarations)
            {
                reader.MoveToElement();
                return Limit(path, "Limit.NamespaceDeclarations", $"The message declares more than {limits.MaxNamespaceDeclarations} namespaces.");
            }
        }

        reader.MoveToElement();
        return null;
    }

    private static bool TooLong(XmlReader reader, EnvelopeLimits limits) =>
        reader.LocalName.Length > limits.MaxNameLength || reader.Prefix.Length > limits.MaxNameLength || reader.NamespaceURI.Length > limits.MaxNameLength;

    private static Refusal Limit(Stack<string> path, string code, string text) =>
        new(FaultCodes.LimitExceeded, [new FieldViolation(string.Join('/', path.Reverse()), code, text)]);

    private static XAttribute Attribute(XmlReader reader) => reader.NamespaceURI switch
    {
        XmlnsNamespace when reader.Prefix.Length == 0 => new XAttribute("xmlns", reader.Value),
        XmlnsNamespace => new XAttribute(XNamespace.Xmlns + reader.LocalName, reader.Value),
        _ => new XAttribute(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value),
    };

    // Whitespace between child elements is layout; text that is an element's whole content is its value, and is kept.
    private static void DropLayoutWhitespace(XElement element)
    {
        if (element.HasElements)
        {
            element.Nodes().OfType<XText>().Where(t => t.Value.AsSpan().IndexOfAnyExcept(" \t\r\n") < 0).Remove();
        }
    }
}
