using System.Reflection;
using System.ServiceModel;
using System.Xml.Linq;
using Gateway.Contracts;

namespace Gateway.Host.Pipeline;

/// <summary>An operation of the ContactCourse service: its name, its SOAPAction and its request element.</summary>
internal sealed record ServiceOperation(string Name, string Action, XName RequestElement)
{
    /// <summary>Every operation, read from the service contract itself so the guard and the dispatcher cannot disagree.</summary>
    public static IReadOnlyList<ServiceOperation> All { get; } =
        [.. typeof(IContactCourseService).GetMethods()
            .Select(m => (Method: m, Contract: m.GetCustomAttribute<OperationContractAttribute>()))
            .Where(m => m.Contract is not null)
            .Select(m => new ServiceOperation(m.Method.Name, m.Contract!.Action, XName.Get(m.Method.Name, ContractNamespace.V1)))];

    private static readonly Dictionary<XName, ServiceOperation> ByElement = All.ToDictionary(o => o.RequestElement);

    /// <summary>The operation whose request element is exactly <paramref name="element"/>, or null.</summary>
    public static ServiceOperation? ForRequestElement(XName element) => ByElement.GetValueOrDefault(element);
}
