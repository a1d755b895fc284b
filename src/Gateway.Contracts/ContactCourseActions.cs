using System.Reflection;
using System.ServiceModel;

namespace Gateway.Contracts;

/// <summary>The SOAPAction of each operation, as published in the WSDL.</summary>
public static class ContactCourseActions
{
    /// <summary>Action of <see cref="IContactCourseService.RegisterInterview"/>.</summary>
    public const string RegisterInterview = ContractNamespace.V1 + "/ContactCourse/RegisterInterview";

    /// <summary>Action of <see cref="IContactCourseService.GetContactCourse"/>.</summary>
    public const string GetContactCourse = ContractNamespace.V1 + "/ContactCourse/GetContactCourse";

    /// <summary>Action of <see cref="IContactCourseService.CorrectInterview"/>.</summary>
    public const string CorrectInterview = ContractNamespace.V1 + "/ContactCourse/CorrectInterview";

    /// <summary>Action of <see cref="IContactCourseService.CancelInterview"/>.</summary>
    public const string CancelInterview = ContractNamespace.V1 + "/ContactCourse/CancelInterview";

    /// <summary>Action of <see cref="IContactCourseService.GetInterview"/>.</summary>
    public const string GetInterview = ContractNamespace.V1 + "/ContactCourse/GetInterview";

    /// <summary>Action of <see cref="IContactCourseService.ListRegistrations"/>.</summary>
    public const string ListRegistrations = ContractNamespace.V1 + "/ContactCourse/ListRegistrations";

    /// <summary>Action of <see cref="IContactCourseService.GetSupervisionReport"/>.</summary>
    public const string GetSupervisionReport = ContractNamespace.V1 + "/ContactCourse/GetSupervisionReport";

    /// <summary>Action of <see cref="IContactCourseService.ListOverdueCitizens"/>.</summary>
    public const string ListOverdueCitizens = ContractNamespace.V1 + "/ContactCourse/ListOverdueCitizens";

    /// <summary>Action of <see cref="IContactCourseService.Ping"/>.</summary>
    public const string Ping = ContractNamespace.V1 + "/ContactCourse/Ping";

    /// <summary>Every operation's name with its action, read from <see cref="IContactCourseService"/> itself.</summary>
    public static IReadOnlyDictionary<string, string> ByOperation { get; } =
        typeof(IContactCourseService).GetMethods()
            .Select(m => (m.Name, Contract: m.GetCustomAttribute<OperationContractAttribute>()))
            .Where(m => m.Contract is not null)
            .ToDictionary(m => m.Name, m => m.Contract!.Action, StringComparer.Ordinal);
}
