using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Agreements;

/// <summary>A connection agreement (tilslutningsaftale, § 4): admits one IT system to the web services for one data-responsible authority.</summary>
public sealed record Agreement
{
    /// <summary>The agreement id callers quote in their call context.</summary>
    public required Guid Id { get; init; }

    /// <summary>The authority the agreement is for: a municipality, an Employment Service unit, or an other actor.</summary>
    public required AuthorityId Authority { get; init; }

    /// <summary>For an other actor: the municipalities and units it may act for. Empty otherwise.</summary>
    public required IReadOnlyList<AuthorityId> Principals { get; init; }

    /// <summary>
    /// The IT system admitted; it calls with one of its registered certificates. For a registration-tool agreement it is
    /// the tool (<see cref="RegistrationTool.ItSystemId"/>), which its case workers sign in to with their own certificates.
    /// </summary>
    public required Guid ItSystemId { get; init; }

    /// <summary>
    /// The way the agreement admits its authority: the web services (a connection agreement, § 4) or the browser
    /// registration tool (a registration-tool agreement). Each admits only its own way, and every version a call makes
    /// under it records that channel.
    /// </summary>
    public RegistrationChannel Channel { get; init; } = RegistrationChannel.WebServices;

    /// <summary>The operations it may call, by name.</summary>
    public required IReadOnlySet<string> Operations { get; init; }

    /// <summary>The case types it may register.</summary>
    public required IReadOnlySet<CaseType> CaseTypes { get; init; }

    /// <summary>Whose data it may read.</summary>
    public required ReadScope ReadScope { get; init; }

    /// <summary>Whose supervision figures and overdue lists it may read.</summary>
    public SupervisionScope SupervisionScope { get; init; } = SupervisionScope.OwnAuthority;

    /// <summary>Whether the overdue lists it reads may name CPR numbers; without it they show masked ones.</summary>
    public bool OverdueCpr { get; init; }

    /// <summary>The environment it reaches.</summary>
    public required GatewayEnvironment Environment { get; init; }

    /// <summary>First day it admits calls.</summary>
    public required DateOnly ValidFrom { get; init; }

    /// <summary>Last day it admits calls; null for no end date.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>Its status.</summary>
    public required AgreementStatus Status { get; init; }

    /// <summary>Who to contact about it at the authority.</summary>
    public string? Contact { get; init; }

    /// <summary>The contract's reference.</summary>
    public string? ContractReference { get; init; }
}
