using System.Reflection;
using System.Xml;
using System.Xml.Schema;

namespace Gateway.Contracts;

/// <summary>The published XSD and WSDL documents, exactly as in the repository's <c>contracts/</c> and <c>wsdl/</c> folders.</summary>
public static class ContractDocuments
{
    /// <summary>File name of the ContactCourse WSDL.</summary>
    public const string WsdlName = "ContactCourse.v1.wsdl";

    private static readonly Assembly Assembly = typeof(ContractDocuments).Assembly;

    /// <summary>File names of the published schemas.</summary>
    public static IReadOnlyList<string> SchemaNames { get; } =
        [.. Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("contracts/", StringComparison.Ordinal))
            .Select(n => n["contracts/".Length..])
            .Order(StringComparer.Ordinal)];

    /// <summary>The WSDL as published.</summary>
    public static string Wsdl => Read("wsdl/" + WsdlName)!;

    /// <summary>The schema of that file name, or null when no such schema is published.</summary>
    public static string? Schema(string name) =>
        SchemaNames.Contains(name, StringComparer.Ordinal) ? Read("contracts/" + name) : null;

    /// <summary>A compiled set of every published schema, for validating messages.</summary>
    public static XmlSchemaSet CreateSchemaSet()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        foreach (var name in SchemaNames)
        {
            using var reader = XmlReader.Create(
                new StringReader(Schema(name)!),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var schema = XmlSchema.Read(reader, null)!;
            // The published files reference each other by file name; every one is added here, so the
            // includes need not be resolved from disk or network.
            schema.Includes.Clear();
            set.Add(schema);
        }

        set.Compile();
        return set;
    }

    private static string? Read(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
