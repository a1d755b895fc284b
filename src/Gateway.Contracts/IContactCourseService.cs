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

    /// <summary>
    /// Corrects a registration: stores a new version with the items as corrected and the reason. <c>version</c> is the
    /// version the caller last saw; if the registration has changed since, nothing is stored and the answer is
    /// Client.Conflict.StaleVersion. Only the responsible authority, or an other actor acting for it, may correct.
    /// </summary>
    [OperationContract(Action = ContactCourseActions.CorrectInterview, ReplyAction = ContactCourseActions.CorrectInterview + "Response")]
    [FaultContract(typeof(GatewayFault), Name = GatewayFault.ElementName, Namespace = ContractNamespace.V1)]
    [return: MessageParameter(Name = "Receipt")]
    Task<RegistrationReceipt> CorrectInterview(
        [MessageParameter(Name = "RequestId")] string requestId,
        [MessageParameter(Name = "RegistrationId")] Guid registrationId,
        [MessageParameter(Name = "Version")] int version,
        [MessageParameter(Name = "Reason")] string reason,
        [MessageParameter(Name = "Registration")] InterviewRegistration registration);

    /// <summary>Cancels a registration with a reason, on the same terms as a correction. It stays in the history.</summary>
    [OperationContract(Action = ContactCourseActions.CancelInterview, ReplyAction = ContactCourseActions.CancelInterview + "Response")]
    [FaultContract(typeof(GatewayFault), Name = GatewayFault.ElementName, Namespace = ContractNamespace.V1)]
    [return: MessageParameter(Name = "Receipt")]
    Task<RegistrationReceipt> CancelInterview(
        [MessageParameter(Name = "RequestId")] string requestId,
        [MessageParameter(Name = "RegistrationId")] Guid registrationId,
        [MessageParameter(Name = "Version")] int version,
        [MessageParameter(Name = "Reason")] string reason);

    /// <summary>Returns one registration with its full version history, within the agreement's read scope.</summary>
    [OperationContract(Action = ContactCourseActions.GetInterview, ReplyAction = ContactCourseActions.GetInterview + "Response")]
    [FaultContract(typeof(GatewayFault), Name = GatewayFault.ElementName, Namespace = ContractNamespace.V1)]
    [return: MessageParameter(Name = "Interview")]
    Task<InterviewHistory> GetInterview([MessageParameter(Name = "RegistrationId")] Guid registrationId);

    /// <summary>
    /// Lists what the caller's authority has written since <c>cursor</c> (from the start when absent), at most
    /// <c>maxCount</c> entries (100 when absent). Following NextCursor yields every stored write exactly once.
    /// </summary>
    [OperationContract(Action = ContactCourseActions.ListRegistrations, ReplyAction = ContactCourseActions.ListRegistrations + "Response")]
    [FaultContract(typeof(GatewayFault), Name = GatewayFault.ElementName, Namespace = ContractNamespace.V1)]
    [return: MessageParameter(Name = "Page")]
    Task<RegistrationPage> ListRegistrations(
        [MessageParameter(Name = "Cursor")] string? cursor,
        [MessageParameter(Name = "MaxCount")] int? maxCount);

    /// <summary>
    /// Returns the supervision figures (visitationstilsyn) of a municipality or Employment Service unit for a period,
    /// each with its definition (contract 1.4). An agreement reads the figures of the authority it calls for; a
    /// supervisor's agreement, those of any authority.
    /// </summary>
    [OperationContract(Action = ContactCourseActions.GetSupervisionReport, ReplyAction = ContactCourseActions.GetSupervisionReport + "Response")]
    [FaultContract(typeof(GatewayFault), Name = GatewayFault.ElementName, Namespace = ContractNamespace.V1)]
    [return: MessageParameter(Name = "Report")]
    Task<SupervisionReport> GetSupervisionReport([MessageParameter(Name = "Query")] SupervisionQuery query);

    /// <summary>
    /// Lists the overdue citizens of a municipality or Employment Service unit on the query's day, most overdue first,
    /// after <c>cursor</c>, at most <c>maxCount</c> (100 when absent) (contract 1.4). CPR numbers are masked unless the
    /// query asks for them and the agreement carries that scope.
    /// </summary>
    [OperationContract(Action = ContactCourseActions.ListOverdueCitizens, ReplyAction = ContactCourseActions.ListOverdueCitizens + "Response")]
    [FaultContract(typeof(GatewayFault), Name = GatewayFault.ElementName, Namespace = ContractNamespace.V1)]
    [return: MessageParameter(Name = "Page")]
    Task<OverdueCitizenPage> ListOverdueCitizens(
        [MessageParameter(Name = "Query")] OverdueQuery query,
        [MessageParameter(Name = "Cursor")] string? cursor,
        [MessageParameter(Name = "MaxCount")] int? maxCount);

    /// <summary>Answers with the server time and version; touches no data.</summary>
    [OperationContract(Action = ContactCourseActions.Ping, ReplyAction = ContactCourseActions.Ping + "Response")]
    [FaultContract(typeof(GatewayFault), Name = GatewayFault.ElementName, Namespace = ContractNamespace.V1)]
    [return: MessageParameter(Name = "Status")]
    Task<ServiceStatus> Ping();
}
