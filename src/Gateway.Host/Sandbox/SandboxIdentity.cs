using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;

namespace Gateway.Host.Sandbox;

/// <summary>
/// The sandbox's fixed identifiers, the same in every fresh sandbox so that documented sample calls work as they
/// stand (README, docs/integration.md). Municipality code 999 belongs to no real municipality.
/// </summary>
public static class SandboxIdentity
{
    /// <summary>The Active Test agreement every sandbox has.</summary>
    public static readonly Guid AgreementId = Guid.Parse("0f5a4db0-c5e0-4a11-8d00-000000000001");

    /// <summary>The sandbox authority: a municipality that does not exist.</summary>
    public static readonly AuthorityId Authority = new(AuthorityKind.Municipality, "999");

    /// <summary>Its name.</summary>
    public const string AuthorityName = "Sandbox Kommune";

    /// <summary>The sandbox IT system's name.</summary>
    public const string ItSystemName = "Sandbox case system";

    /// <summary>The sandbox IT system's vendor CVR (a valid modulus-11 number of no real company known to us).</summary>
    public const string VendorCvr = "12345674";

    /// <summary>The sandbox authority's registration-tool agreement, under which its case worker signs in to the tool.</summary>
    public static readonly Guid ToolAgreementId = Guid.Parse("0f5a4db0-c5e0-4a11-8d00-000000000002");

    /// <summary>The sandbox case worker's id, recorded on what they register in the tool.</summary>
    public const string CaseWorkerId = "sandbox-sagsbehandler";

    /// <summary>The common name of the sandbox case worker's certificate.</summary>
    public const string CaseWorkerName = "Sandbox sagsbehandler";
}
