using System.Xml.Linq;
using Gateway.Contracts;
using Gateway.Domain.Conformance;
using Gateway.Domain.Registrations;

namespace Gateway.Host.Pipeline.Conformance;

/// <summary>
/// The StaleVersion drill's own move: before the caller's correction is handled, the Test environment corrects the same
/// version of the registration itself (the same content, as a system call, with <see cref="ConformanceDrills.StaleVersionReason"/>),
/// through the real CorrectInterview, so that the caller's correction meets a real newer version.
/// </summary>
internal sealed class StaleVersionDrill(CorrectInterview correct, IRegistrationStore registrations)
{
    /// <summary>The call id and request-id prefix of the Test environment's own correction.</summary>
    public const string CallId = "conformance-drill";

    private static readonly XNamespace Contract = ContractNamespace.V1;

    /// <summary>Whether the registration the call corrects was corrected first; false when the call names no current version of one.</summary>
    public async Task<bool> RunAsync(SoapCall call, CancellationToken cancellationToken)
    {
        var payload = call.Payload!;
        if (!Guid.TryParse(payload.Element(Contract + "RegistrationId")?.Value, out var registrationId)
            || !int.TryParse(payload.Element(Contract + "Version")?.Value, out var version))
        {
            return false;
        }

        var history = await registrations.HistoryAsync(registrationId, cancellationToken);
        if (history.Count == 0 || history[^1].Version != version)
        {
            return false;
        }

        var admitted = call.Admission!;
        var outcome = await correct.HandleAsync(
            admitted.Agreement, admitted.Context with { CaseWorkerId = null, CallId = CallId }, $"{CallId}-{Guid.NewGuid():N}",
            registrationId, version, ConformanceDrills.StaleVersionReason, history[^1].Interview, cancellationToken);
        return !outcome.IsRefused;
    }
}
