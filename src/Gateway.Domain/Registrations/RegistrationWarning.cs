namespace Gateway.Domain.Registrations;

/// <summary>A warning on an accepted registration.</summary>
/// <param name="Code">Stable code, <c>Warning.…</c>.</param>
/// <param name="Text">Human text.</param>
public sealed record RegistrationWarning(string Code, string Text)
{
    /// <summary>The registration came later than the threshold after the interview.</summary>
    public static RegistrationWarning Late(int workingDays) => new(
        "Warning.LateRegistration",
        $"Registered more than {workingDays} working days after the interview; the order expects registration in immediate continuation of it. The registration is stored and counted as late.");

    /// <summary>The next contact is planned further ahead than the contact course allows.</summary>
    public static RegistrationWarning NextContactFarAhead(int months) => new(
        "Warning.NextContactBeyondLimit",
        $"The next contact is planned more than {months} months after the interview.");
}
