using System.Text;
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
        var open = new Stack<OpenElement>();
        var declarations = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (Exceeds(reader, open, limits, ref declarations) is { } refusal)
                    {
                        return refusal;
                    }

                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    while (reader.MoveToNextAttribute())
                    {
                        element.Add(Attribute(reader));
                    }

                    reader.MoveToElement();
                    if (open.TryPeek(out var parent))
                    {
                        parent.AddChild(element);
                    }
                    else
                    {
                        document.Add(element);
                    }

                    if (!reader.IsEmptyElement)
                    {
                        open.Push(new OpenElement(element));
                    }

                    break;
                case XmlNodeType.EndElement:
                    open.Pop().Close();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    // Outside the root element only whitespace can occur, and it is no part of the document's content.
                    if (open.TryPeek(out var container))
                    {
                        container.Text.Append(reader.Value);
                    }

                    break;
                case XmlNodeType.ProcessingInstruction:
                    // SOAP 1.1 § 3 and SOAP 1.2 part 1 § 5: a SOAP message must not contain processing instructions.
                    return new Refusal(FaultCodes.NotSoapEnvelope);
            }
        }

        return document;
    }

    private static Refusal? Exceeds(XmlReader reader, Stack<OpenElement> open, EnvelopeLimits limits, ref int declarations)
    {
        if (open.Count + 1 > limits.MaxDepth)
        {
            return Limit(open, reader, "Limit.Depth", $"Elements nest deeper than {limits.MaxDepth} levels.");
        }

        if (reader.AttributeCount > limits.MaxAttributesPerElement)
        {
            return Limit(open, reader, "Limit.Attributes", $"An element has more than {limits.MaxAttributesPerElement} attributes.");
        }

        if (TooLong(reader, limits))
        {
            return Limit(open, reader, "Limit.NameLength", $"A name, prefix or namespace is longer than {limits.MaxNameLength} characters.");
        }

        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (TooLong(reader, limits) || (reader.NamespaceURI == XmlnsNamespace && reader.Value.Length > limits.MaxNameLength))
            {
                reader.MoveToElement();
                return Limit(open, reader, "Limit.NameLength", $"A name, prefix or namespace is longer than {limits.MaxNameLength} characters.");
            }

            if (reader.NamespaceURI == XmlnsNamespace && ++declarations > limits.MaxNamespaceDeclarations)
            {
                reader.MoveToElement();
                return Limit(open, reader, "Limit.NamespaceDeclarations", $"The message declares more than {limits.MaxNamespaceDeclarations} namespaces.");
            }
        }

        reader.MoveToElement();
        return null;
    }

    private static bool TooLong(XmlReader reader, EnvelopeLimits limits) =>
        reader.LocalName.Length > limits.MaxNameLength || reader.Prefix.Length > limits.MaxNameLength || reader.NamespaceURI.Length > limits.MaxNameLength;

    // The path of the element the reader is on, made only for a refusal: every element of every message passes the checks.
    private static Refusal Limit(Stack<OpenElement> open, XmlReader reader, string code, string text) =>
        new(FaultCodes.LimitExceeded,
            [new FieldViolation(string.Join('/', open.Select(e => e.Element.Name.LocalName).Reverse().Append(reader.LocalName)), code, text)]);

    private static XAttribute Attribute(XmlReader reader) => reader.NamespaceURI switch
    {
        XmlnsNamespace when reader.Prefix.Length == 0 => new XAttribute("xmlns", reader.Value),
        XmlnsNamespace => new XAttribute(XNamespace.Xmlns + reader.LocalName, reader.Value),
        _ => new XAttribute(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value),
    };

    /// <summary>
    /// An element being read, with the text read inside it since its last child. Text is gathered in a builder and kept
    /// once, when a child or the end tag closes it: appending to an XText, or removing nodes from an XContainer, costs
    /// time in the size of what is there already, and a message can hold a great many small pieces of text.
    /// </summary>
    private sealed class OpenElement(XElement element)
    {
        private bool _hasChildren;

        public XElement Element { get; } = element;

        public StringBuilder Text { get; } = new();

        public void AddChild(XElement child)
        {
            KeepText(beside: true);
            _hasChildren = true;
            Element.Add(child);
        }

        public void Close() => KeepText(beside: _hasChildren);

        // Whitespace beside child elements is layout and is dropped; text that is an element's whole content is its
        // value and is kept, whitespace or not. Other text beside child elements is kept, for validation to refuse.
        private void KeepText(bool beside)
        {
            if (Text.Length == 0)
            {
                return;
            }

            var text = Text.ToString();
            Text.Clear();
            if (!beside || text.AsSpan().IndexOfAnyExcept(" \t\r\n") >= 0)
            {
                Element.Add(new XText(text));
            }
        }
    }
}
