using Gateway.Contracts;
using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Agreements;

/// <summary>
/// What an agreement must hold to be stored, whether it is asked for (<see cref="AgreementRequest"/>) or amended
/// (<see cref="AgreementAmendment"/>): each rule once, so that an amendment cannot store what a request would refuse.
/// </summary>
public static class AgreementRules
{
    /// <summary>What is wrong with whom the agreement is for: the authority's code, and the principals an other actor (and only it) names.</summary>
    public static IEnumerable<string> PartyProblems(AuthorityId authority, IReadOnlyList<AuthorityId> principals)
    {
        var (valid, rule) = AuthorityId.Check(authority.Kind, authority.Code);
        if (!valid)
        {
            yield return $"Authority {authority}: {rule}";
        }

        if (authority.Kind == AuthorityKind.OtherActor && principals.Count == 0)
        {
            yield return "An other actor's agreement names at least one principal (a municipality or Employment Service unit) it acts for.";
        }

        if (authority.Kind != AuthorityKind.OtherActor && principals.Count > 0)
        {
            yield return "Only an other actor's agreement names principals.";
        }

        foreach (var principal in principals.Where(p => p.Kind == AuthorityKind.OtherActor))
        {
            yield return $"Principal {principal} is an other actor; a principal is a municipality or an Employment Service unit.";
        }
    }

    /// <summary>What is wrong with what the agreement admits and when: an operation the contract does not have, an end date before the start date.</summary>
    public static IEnumerable<string> TermProblems(IEnumerable<string> operations, DateOnly validFrom, DateOnly? validTo)
    {
        foreach (var operation in operations.Where(o => !ContactCourseActions.ByOperation.ContainsKey(o)))
        {
            yield return $"Unknown operation '{operation}'; the operations are {string.Join(", ", ContactCourseActions.ByOperation.Keys)}.";
        }

        if (validTo < validFrom)
        {
            yield return "The end date is before the start date.";
        }
    }
}
