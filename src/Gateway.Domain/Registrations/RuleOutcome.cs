using Gateway.Domain.Faults;

namespace Gateway.Domain.Registrations;

/// <summary>What the rules say of a registration: the violations that refuse it, or the warnings it is accepted with.</summary>
/// <param name="Violations">Every broken rule; empty when the registration is accepted.</param>
/// <param name="Warnings">What the caller should look at although the registration is accepted.</param>
/// <param name="Late">Whether the registration is late.</param>
public sealed record RuleOutcome(IReadOnlyList<FieldViolation> Violations, IReadOnlyList<RegistrationWarning> Warnings, bool Late)
{
    /// <summary>Whether the registration may be stored.</summary>
    public bool Accepted => Violations.Count == 0;
}
