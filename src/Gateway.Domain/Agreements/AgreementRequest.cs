using Gateway.Contracts;
using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Agreements;

/// <summary>What a vendor or authority asks for in a new connection agreement.</summary>
public sealed record AgreementRequest
{
    /// <summary>The authority the agreement is for.</summary>
    public required AuthorityId Authority { get; init; }

    /// <summary>For an other actor: the authorities it acts for.</summary>
    public IReadOnlyList<AuthorityId> Principals { get; init; } = [];

    /// <summary>The IT system to admit; for a registration-tool agreement, <see cref="RegistrationTool.ItSystemId"/>.</summary>
    public required Guid ItSystemId { get; init; }

    /// <summary>The way it admits the authority; default the web services.</summary>
    public RegistrationChannel Channel { get; init; } = RegistrationChannel.WebServices;

    /// <summary>The operations asked for; default all.</summary>
    public IReadOnlySet<string> Operations { get; init; } = ContactCourseActions.ByOperation.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The case types asked for; default those the authority (or its principals) registers.</summary>
    public IReadOnlySet<CaseType>? CaseTypes { get; init; }

    /// <summary>The read scope; default own citizens.</summary>
    public ReadScope ReadScope { get; init; } = ReadScope.OwnCitizens;

    /// <summary>The supervision scope; default the authority's own figures.</summary>
    public SupervisionScope SupervisionScope { get; init; } = SupervisionScope.OwnAuthority;

    /// <summary>Whether overdue lists may name CPR numbers; default not.</summary>
    public bool OverdueCpr { get; init; }

    /// <summary>The environment.</summary>
    public required GatewayEnvironment Environment { get; init; }

    /// <summary>First day.</summary>
    public required DateOnly ValidFrom { get; init; }

    /// <summary>Last day, if any.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>Contact at the authority.</summary>
    public string? Contact { get; init; }

    /// <summary>Contract reference.</summary>
    public string? ContractReference { get; init; }

    /// <summary>What is wrong with the request; empty when it can be stored.</summary>
    public IReadOnlyList<string> Problems() =>
        [.. AgreementRules.PartyProblems(Authority, Principals), .. ChannelProblems(), .. AgreementRules.TermProblems(Operations, ValidFrom, ValidTo)];

    // The tool's system is admitted by registration-tool agreements only, and they admit nothing else: an IT system
    // holding a tool agreement could otherwise write versions that claim to come from the tool.
    private IEnumerable<string> ChannelProblems()
    {
        if (Channel == RegistrationChannel.RegistrationTool && ItSystemId != RegistrationTool.ItSystemId)
        {
            yield return "A registration-tool agreement admits the registration tool itself; leave out --system.";
        }

        if (Channel == RegistrationChannel.WebServices && ItSystemId == RegistrationTool.ItSystemId)
        {
            yield return "The registration tool is admitted only by a registration-tool agreement; give --channel RegistrationTool, or the IT system of a web-services agreement.";
        }
    }

    /// <summary>The case types the agreement gets: those asked for, or those its authority (or principals) register.</summary>
    public IReadOnlySet<CaseType> EffectiveCaseTypes() => CaseTypes ?? (Authority.Kind == AuthorityKind.OtherActor ? Principals.Select(p => p.Kind) : [Authority.Kind])
        .SelectMany(Registrations.ItemRequirements.CaseTypesFor).ToHashSet();
}
