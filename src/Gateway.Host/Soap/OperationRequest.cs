using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using Gateway.Contracts;

namespace Gateway.Host.Soap;

/// <summary>
/// The parts of an operation's request element, read from the tree the pipeline parsed and validated. The element is
/// valid against the published XSD when it gets here, so every required part is present and well-formed.
/// </summary>
internal sealed class OperationRequest(XElement element)
{
    private static readonly XNamespace Contract = ContractNamespace.V1;
    private static readonly XName Nil = XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance");
    private static readonly ConcurrentDictionary<(Type, string), XmlSerializer> Serializers = new();

    /// <summary>A required part of simple type string.</summary>
    public string Text(string name) => Part(name).Value;

    /// <summary>A required part of type <c>Uuid</c>.</summary>
    public Guid Uuid(string name) => XmlConvert.ToGuid(Text(name));

    /// <summary>A required part of an integer type.</summary>
    public int Int(string name) => XmlConvert.ToInt32(Text(name));

    /// <summary>An optional, nillable part: null when absent or <c>xsi:nil</c>.</summary>
    public string? OptionalText(string name) =>
        element.Element(Contract + name) is { } part && !IsNil(part) ? part.Value : null;

    /// <summary>An optional, nillable integer part.</summary>
    public int? OptionalInt(string name) => OptionalText(name) is { } text ? XmlConvert.ToInt32(text) : null;

    /// <summary>A required part of a complex contract type, read with XmlSerializer as the contract types describe it.</summary>
    public T Complex<T>(string name) => (T)SerializerFor(typeof(T), name).Deserialize(Part(name).CreateReader())!;

    /// <summary>The serializer of <paramref name="type"/> as an element named <paramref name="name"/> in the contract namespace.</summary>
    /// <remarks>Cached: every XmlSerializer built with a root override compiles and loads code of its own.</remarks>
    public static XmlSerializer SerializerFor(Type type, string name) =>
        Serializers.GetOrAdd((type, name), key => new XmlSerializer(key.Item1, new XmlRootAttribute(key.Item2) { Namespace = ContractNamespace.V1 }));

    private XElement Part(string name) => element.Element(Contract + name)
        ?? throw new InvalidOperationException($"The schema-valid {element.Name.LocalName} has no {name}: the contract types and the XSD disagree.");

    private static bool IsNil(XElement part) => ((string?)part.Attribute(Nil))?.Trim(' ', '\t', '\r', '\n') is "true" or "1";
}
