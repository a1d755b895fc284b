using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Gateway.Contracts;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.Host.Pipeline.Validation;

/// <summary>The published XSDs, compiled once, and validation of an element of the parsed request against them.</summary>
internal sealed class ContractSchemas
{
    /// <summary>More field errors than this say nothing more; the rest are dropped.</summary>
    public const int MaxFieldErrors = 50;

    private const string CprText = "Not a CPR number as the contract writes one: 10 digits DDMMYYSSSS, without hyphen or spaces.";
    private const char OneCharacter = '\uFFFD';

    // Compiled once at start-up; validation only reads the compiled set, which is safe from many threads.
    private readonly XmlSchemaSet _set = ContractDocuments.CreateSchemaSet();
    private readonly HashSet<XName> _cprElements;

    public ContractSchemas() => _cprElements = CprTypedElements(_set);

    /// <summary>
    /// Every way <paramref name="element"/> breaks its global element declaration; empty when valid. Attributes in
    /// <paramref name="foreignAttributes"/> (a SOAP header block's own, say) are not the contract's and are not validated.
    /// </summary>
    /// <remarks>
    /// Two things the .NET validator does not do as the contract means it are done here. Its length facets count UTF-16
    /// code units, where XSD counts characters; a value with characters outside the Basic Multilingual Plane is therefore
    /// validated in a copy where each such character is one code unit (U+FFFD, which matches no pattern or code of the
    /// contract, as the original character does not). And its texts quote the offending value: for an element of the
    /// CPR type the text is replaced by the gateway's own, and every other text is masked.
    /// </remarks>
    public IReadOnlyList<FieldViolation> Validate(XElement element, XNamespace? foreignAttributes = null)
    {
        var violations = new List<FieldViolation>();
        if (_set.GlobalElements[new XmlQualifiedName(element.Name.LocalName, element.Name.NamespaceName)] is not XmlSchemaElement declaration)
        {
            violations.Add(new FieldViolation(element.Name.LocalName, "Schema.UnknownElement", "No such element in the published contract."));
            return violations;
        }

        var validated = NeedsCopy(element, foreignAttributes) ? CopyForValidation(element, foreignAttributes) : element;
        validated.Validate(declaration, _set, (sender, e) =>
        {
            if (violations.Count < MaxFieldErrors)
            {
                var text = sender is XElement { } invalid && _cprElements.Contains(invalid.Name) ? CprText : Cpr.MaskWithin(e.Message);
                violations.Add(new FieldViolation(PathOf(sender as XObject, validated), "Schema.Invalid", text));
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

    private static bool NeedsCopy(XElement element, XNamespace? foreignAttributes) =>
        element.DescendantsAndSelf().Any(e => e.Attributes().Any(a => a.Name.Namespace == foreignAttributes || HasSurrogates(a.Value)))
        || element.DescendantNodes().OfType<XText>().Any(t => HasSurrogates(t.Value));

    // A detached copy keeps the namespaces declared above it, so that QName values (xsi:type) resolve as in the original.
    private static XElement CopyForValidation(XElement element, XNamespace? foreignAttributes)
    {
        var copy = new XElement(element);
        foreach (var declared in element.Ancestors().SelectMany(a => a.Attributes()).Where(a => a.IsNamespaceDeclaration))
        {
            if (copy.Attribute(declared.Name) is null)
            {
                copy.Add(new XAttribute(declared.Name, declared.Value));
            }
        }

        foreach (var e in copy.DescendantsAndSelf())
        {
            e.Attributes().Where(a => a.Name.Namespace == foreignAttributes).Remove();
            foreach (var attribute in e.Attributes().Where(a => HasSurrogates(a.Value)))
            {
                attribute.Value = OnePerCharacter(attribute.Value);
            }
        }

        foreach (var text in copy.DescendantNodes().OfType<XText>().Where(t => HasSurrogates(t.Value)))
        {
            text.Value = OnePerCharacter(text.Value);
        }

        return copy;
    }

    private static bool HasSurrogates(string value) => value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    private static string OnePerCharacter(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            builder.Append(rune.IsBmp ? (char)rune.Value : OneCharacter);
        }

        return builder.ToString();
    }

    // The elements, global or local, whose type is the contract's Cpr type or derives from it.
    private static HashSet<XName> CprTypedElements(XmlSchemaSet set)
    {
        var cpr = new XmlQualifiedName("Cpr", ContractNamespace.V1);
        var found = new HashSet<XName>();
        var visited = new HashSet<XmlSchemaType>();

        void Visit(XmlSchemaElement element)
        {
            if (IsOrDerivesFrom(element.ElementSchemaType, cpr))
            {
                found.Add(XName.Get(element.QualifiedName.Name, element.QualifiedName.Namespace));
            }

            if (element.ElementSchemaType is XmlSchemaComplexType complex && visited.Add(complex))
            {
                VisitParticle(complex.ContentTypeParticle);
            }
        }

        void VisitParticle(XmlSchemaParticle? particle)
        {
            switch (particle)
            {
                case XmlSchemaElement element:
                    Visit(element);
                    break;
                case XmlSchemaGroupBase group:
                    foreach (var item in group.Items.OfType<XmlSchemaParticle>())
                    {
                        VisitParticle(item);
                    }

                    break;
            }
        }

        foreach (var element in set.GlobalElements.Values.OfType<XmlSchemaElement>())
        {
            Visit(element);
        }

        return found;
    }

    private static bool IsOrDerivesFrom(XmlSchemaType? type, XmlQualifiedName name)
    {
        for (; type is not null; type = type.BaseXmlSchemaType)
        {
            if (type.QualifiedName == name)
            {
                return true;
            }
        }

        return false;
    }
}
