using System.ServiceModel;
using Gateway.Contracts.Types;

namespace Gateway.Contracts;

/// <summary>
/// The ContactCourse service: register interviews in the shared data basis (fælles datagrundlag) for the
/// individual contact course, and read it back. Document/literal wrapped; described by <c>wsdl/ContactCourse.v1.wsdl</c>.
/// </summary>
[ServiceContract(Name = "ContactCourse", Namespace = ContractNamespace.V1)]
[XmlSerializerFormat(SupportFaults = true)]
public interface IContactCourseService
{
    /// <summary>
    /// Registers what happened at one interview (§ 2 stk. 2) and returns the receipt. Like every operation, it needs the
    /// CallContext header. <c>requestId</c> is the caller's id of this write: send the same id again after a timeout,
    /// and the first receipt comes back with nothing stored twice.
    /// </summary>
    [OperationContract(Action = ContactCourseActions.RegisterInterview, ReplyAction = ContactCourseActions.RegisterInterview + "Response")]
    [FaultContract(typeof(GatewayFault), Name = GatewayFault.ElementName, Namespace = ContractNamespace.V1)]
    [return: MessageParameter(Name = "Receipt")]
    Task<RegistrationReceipt> RegisterInterview(
        [MessageParameter(Name = "RequestId")] string requestId,
        [MessageParameter(Name = "Registration")] InterviewRegistration registration);

    /// <summary>Returns a citizen's contact course: every registration (latest version) and the current state.</summary>
    [OperationContract(Action = ContactCourseActions.GetContactCourse, ReplyAction = ContactCourseActions.GetContactCourse + "Response")]
    [FaultContract(typeof(GatewayFault), Name = GatewayFault.ElementName, Namespace = ContractNamespace.V1)]
    [return: MessageParameter(Name = "ContactCourse")]
    Task<ContactCourse> GetContactCourse([MessageParameter(Name = "Cpr")] string cpr);

    /// <summary>Answers with the server time and version; touches no data.</summary>
    [OperationContract(Action = ContactCourseActions.Ping, ReplyAction = ContactCourseActions.Ping + "Response")]
    [FaultContract(typeof(GatewayFault), Name = GatewayFault.ElementName, Namespace = ContractNamespace.V1)]
    [return: MessageParameter(Name = "Status")]
    Task<ServiceStatus> Ping();
}
