using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Registrations;

namespace Gateway.Domain.Conformance;

/// <summary>What an IT system must show it can do: the operations and case types of the agreements it has or asks for.</summary>
/// <param name="Operations">The operations, by name.</param>
/// <param name="CaseTypes">The case types it registers.</param>
public sealed record ConformanceTarget(IReadOnlySet<string> Operations, IReadOnlySet<CaseType> CaseTypes)
{
    /// <summary>What <paramref name="agreements"/> together allow.</summary>
    public static ConformanceTarget Of(IEnumerable<Agreement> agreements)
    {
        var list = agreements.ToList();
        return new(
            list.SelectMany(a => a.Operations).ToHashSet(StringComparer.Ordinal),
            list.Where(a => a.Operations.Contains(RegisterInterview.Operation)).SelectMany(a => a.CaseTypes).ToHashSet());
    }

    /// <summary>Whether the target includes every one of <paramref name="operations"/>.</summary>
    public bool Allows(params string[] operations) => operations.All(Operations.Contains);
}
