using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Gateway.Contracts;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.Domain.Conformance;
using Gateway.Domain.Registrations;
using Gateway.Host.Soap;

namespace Gateway.Host.Pipeline.Conformance;

/// <summary>
/// What the conformance judgement needs to know of one call, read from the request element the pipeline parsed and
/// from the answer it sent. A refused request may be invalid against the XSD, so nothing here trusts its shape; what
/// the caller wrote is kept only as a hash (request id, cursors, content) or as an id the gateway gave, and the call id,
/// which the authorize stage checked (1-64 printable characters) and which is the evidence partners look up (it is
/// stored with every registration too).
/// </summary>
internal static class CallObservation
{
    private static readonly XNamespace Contract = ContractNamespace.V1;

    public static ObservedCall Of(SoapCall call)
    {
        var admitted = call.Admission!;
        var payload = call.Payload!;
        var operation = call.Operation!.Name;
        var registration = payload.Element(Contract + "Registration");
        var succeeded = call.Refusal is null && call.Answer is not null;
        var receipt = call.Answer?.Part as RegistrationReceipt;
        return new ObservedCall
        {
            Sequence = 0,
            At = default,
            AgreementId = admitted.Agreement.Id,
            Operation = operation,
            SoapVersion = call.Version == SoapVersion.Soap12 ? "1.2" : "1.1",
            Outcome = call.Refusal?.Code.Value ?? ConformanceCatalogue.Success,
            CallId = admitted.Context.CallId,
            SystemCall = admitted.Context.IsSystemCall,
            RequestId = Hash(Text(payload, "RequestId")),
            ContentKey = operation is ConformanceCatalogue.Register or ConformanceCatalogue.Correct or ConformanceCatalogue.Cancel ? ContentKey(payload) : null,
            RegistrationId = receipt?.RegistrationId ?? (Guid.TryParse(Text(payload, "RegistrationId"), out var id) ? id : null),
            Version = receipt?.Version ?? (int.TryParse(Text(payload, "Version"), out var version) ? version : null),
            CaseType = Enum.TryParse<CaseType>(Text(registration, "CaseType"), out var caseType) ? caseType : null,
            AllItems = succeeded && registration is not null && HoldsEveryItem(payload),
            AnswerRegistrations = (call.Answer?.Part as ContactCourse)?.Registrations.Select(r => r.RegistrationId).ToList() ?? [],
            Cursor = operation == ConformanceCatalogue.List ? Hash(Text(payload, "Cursor")) : null,
            NextCursor = Hash((call.Answer?.Part as RegistrationPage)?.NextCursor),
        };
    }

    /// <summary>The request id of a write, as stored (a hash), or null.</summary>
    public static string? RequestIdOf(SoapCall call) => Hash(Text(call.Payload, "RequestId"));

    /// <summary>
    /// The write's content without its request id: its request element with the RequestId left out, written without
    /// insignificant white space, as a SHA-256. The same write sent again has the same key, whatever its request id.
    /// </summary>
    private static string ContentKey(XElement payload)
    {
        var content = new XElement(payload);
        content.Element(Contract + "RequestId")?.Remove();
        foreach (var blank in content.DescendantNodes().OfType<XText>().Where(t => string.IsNullOrWhiteSpace(t.Value) && t.Parent!.HasElements).ToList())
        {
            blank.Remove();
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString(SaveOptions.DisableFormatting))));
    }

    // Equal texts, equal hashes: all the judgement asks of request ids and cursors.
    private static string? Hash(string? text) => text is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static bool HoldsEveryItem(XElement payload)
    {
        var interview = ContractMapper.ToInterview(new OperationRequest(payload).Complex<InterviewRegistration>("Registration"));
        return Enum.GetValues<RegistrationItem>().All(item => ItemRequirements.IsPresent(item, interview));
    }

    private static string? Text(XElement? parent, string name) => parent?.Element(Contract + name)?.Value;
}
