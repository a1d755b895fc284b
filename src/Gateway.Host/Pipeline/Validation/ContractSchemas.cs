using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Gateway.Contracts;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.Host.Pipeline.Validation;

/// <summary>The published XSDs, compiled once, and validation of an operation element against them.</summary>
internal sealed class ContractSchemas
{
    /// <summary>More field errors than this say nothing more; the rest are dropped.</summary>
    public const int MaxFieldErrors = 50;

    // Compiled once at start-up; validation only reads the compiled set, which is safe from many threads.
    private readonly XmlSchemaSet _set = ContractDocuments.CreateSchemaSet();

    /// <summary>Every way <paramref name="element"/> breaks its global element declaration; empty when valid.</summary>
    public IReadOnlyList<FieldViolation> Validate(XElement element)
    {
        var violations = new List<FieldViolation>();
        if (_set.GlobalElements[new XmlQualifiedName(element.Name.LocalName, element.Name.NamespaceName)] is not XmlSchemaElement declaration)
        {
            violations.Add(new FieldViolation(element.Name.LocalName, "Schema.UnknownElement", "No such element in the published contract."));
            return violations;
        }

        element.Validate(declaration, _set, (sender, e) =>
        {
            if (violations.Count < MaxFieldErrors)
            {
                // The parser's text names the element and the broken constraint, and may quote the value: mask CPR numbers.
                violations.Add(new FieldViolation(PathOf(sender as XObject, element), "Schema.Invalid", Cpr.MaskWithin(e.Message)));
            }
        });
        return violations;
    }

    /// <summary>The path of <paramref name="node"/> below <paramref name="root"/>, such as <c>Registration/EmploymentGoals/Goal[2]/OccupationCode</c>.</summary>
    public static string PathOf(XObject? node, XElement root)
    {
        var element = node as XElement ?? node?.Parent;
        var steps = new Stack<string>();
        if (node is XAttribute attribute)
        {
            steps.Push("@" + attribute.Name.LocalName);
        }

        for (; element is not null && element != root; element = element.Parent)
        {
            var name = element.Name;
            var siblings = element.Parent?.Elements(name).ToList() ?? [];
            steps.Push(siblings.Count > 1 ? $"{name.LocalName}[{siblings.IndexOf(element) + 1}]" : name.LocalName);
        }

        return steps.Count == 0 ? root.Name.LocalName : string.Join('/', steps);
    }
}
