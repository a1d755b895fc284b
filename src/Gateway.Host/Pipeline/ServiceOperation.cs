using System.Xml.Linq;
using Gateway.Contracts;

namespace Gateway.Host.Pipeline;

/// <summary>An operation of the ContactCourse service: its name, its SOAPAction and its request element.</summary>
internal sealed record ServiceOperation(string Name, string Action, XName RequestElement)
{
    /// <summary>Every operation of the service contract, so the guard, the dispatcher and the agreements cannot disagree.</summary>
    public static IReadOnlyList<ServiceOperation> All { get; } =
        [.. ContactCourseActions.ByOperation.Select(o => new ServiceOperation(o.Key, o.Value, XName.Get(o.Key, ContractNamespace.V1)))];

    private static readonly Dictionary<XName, ServiceOperation> ByElement = All.ToDictionary(o => o.RequestElement);

    /// <summary>The operation whose request element is exactly <paramref name="element"/>, or null.</summary>
    public static ServiceOperation? ForRequestElement(XName element) => ByElement.GetValueOrDefault(element);
}
