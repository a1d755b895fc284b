namespace Gateway.Domain.Agreements;

/// <summary>
/// The browser registration tool (Det Digitale Registreringsværktøj) as the agreement model sees it: one IT system of
/// the authority's own, registered by migration 0015, that registration-tool agreements admit. It has no certificate
/// of its own; its case workers sign in with theirs (<see cref="RegisteredCaseWorker"/>).
/// </summary>
public static class RegistrationTool
{
    /// <summary>The tool's IT system id, fixed so that every installation knows it.</summary>
    public static readonly Guid ItSystemId = new("0f5a4db0-c5e0-4a11-8d00-0000000000a1");

    /// <summary>The tool's IT system name.</summary>
    public const string ItSystemName = "Registration tool (Det Digitale Registreringsværktøj)";
}
