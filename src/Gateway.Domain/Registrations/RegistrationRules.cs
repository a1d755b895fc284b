using Gateway.Contracts.CodeLists;
using Gateway.Domain.Calendar;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Text;

namespace Gateway.Domain.Registrations;

/// <summary>
/// The rules a registration must meet beyond the XSD (domain.md § 3-4): who may register which case type,
/// which items each authority must register, dates, identifiers and free text. Field paths name the
/// request elements, so a caller can find what to fix. The caller's own identifiers are the call context's, checked
/// for every operation by <see cref="Agreements.CallContextRules"/> before any operation runs.
/// </summary>
public sealed class RegistrationRules(RegistrationPolicy policy, DanishCalendar calendar)
{
    /// <summary>Maximum lengths of free text, by field.</summary>
    public const int GoalTextMax = 200, NoAgreementReasonMax = 500, AgreementTextMax = 1000, JobSearchTextMax = 1000, CitizenCommentsMax = 4000, ReasonMax = 500;

    /// <summary>Checks a registration received at <paramref name="receivedAt"/> from <paramref name="caller"/>.</summary>
    public RuleOutcome Check(Caller caller, Interview interview, DateTimeOffset receivedAt)
    {
        var violations = new List<FieldViolation>();
        var warnings = new List<RegistrationWarning>();
        var today = calendar.DayOf(receivedAt);

        if (Cpr.BirthDate(interview.Cpr) is not { } born)
        {
            violations.Add(new("Registration/Cpr", "Cpr.Invalid",
                "Not a valid CPR number: 10 digits whose first six are a real date (DDMMYY)."));
        }
        else if (born > interview.HeldOn)
        {
            violations.Add(new("Registration/Cpr", "Cpr.BornAfterInterview",
                "By its birth date (the century follows from the 7th digit) the citizen was born after the interview date; check the CPR number and the date."));
        }

        var responsible = caller.ResponsibleAuthority.Kind;
        if (responsible is AuthorityKind.Municipality or AuthorityKind.EmploymentServiceUnit)
        {
            if (!ItemRequirements.CaseTypesFor(responsible).Contains(interview.CaseType))
            {
                violations.Add(new("Registration/CaseType", "CaseType.NotForAuthority",
                    $"{char.ToUpperInvariant(WithArticle(responsible)[0])}{WithArticle(responsible)[1..]} does not register {interview.CaseType} cases; allowed: {string.Join(", ", ItemRequirements.CaseTypesFor(responsible))}."));
            }

            foreach (var item in Enum.GetValues<RegistrationItem>())
            {
                if (ItemRequirements.For(item, responsible) == Requirement.Mandatory && !ItemRequirements.IsPresent(item, interview))
                {
                    violations.Add(new($"Registration/{ItemElement(item)}", "Item.Missing",
                        $"Item {(int)item} ({item}) is mandatory for {WithArticle(responsible)}{(caller.OtherActor is null ? "" : " and for an other actor acting for one")}."
                        + (item == RegistrationItem.FurtherCourse ? " Give at least one agreement, or the reason there is none in NoAgreementReason." : "")));
                }
            }
        }

        CheckDates(interview, today, violations);
        CheckCodes(interview, violations);
        CheckTexts(interview, violations);

        var late = WorkingDays.MoreThan(policy.LateAfterWorkingDays, interview.HeldOn, today);
        if (late)
        {
            warnings.Add(RegistrationWarning.Late(policy.LateAfterWorkingDays));
        }

        if (interview.NextContact.PlannedOn is { } planned && planned > MonthsAfter(interview.HeldOn, policy.NextContactWarningMonths))
        {
            warnings.Add(RegistrationWarning.NextContactFarAhead(policy.NextContactWarningMonths));
        }

        return new RuleOutcome(violations, warnings, late);
    }

    private void CheckDates(Interview interview, DateOnly today, List<FieldViolation> violations)
    {
        if (interview.HeldOn > today)
        {
            violations.Add(new("Registration/Interview/HeldOn", "Date.InFuture", "The interview date is in the future; register an interview after it is held."));
        }
        else if (interview.HeldOn < policy.EarliestInterviewDate)
        {
            violations.Add(new("Registration/Interview/HeldOn", "Date.BeforeDataBasis",
                $"The interview date is before {policy.EarliestInterviewDate:yyyy-MM-dd}, when the shared data basis began."));
        }

        for (var i = 0; i < interview.FurtherCourse.Agreements.Count; i++)
        {
            if (interview.FurtherCourse.Agreements[i].Deadline is { } deadline && deadline < interview.HeldOn)
            {
                violations.Add(new($"Registration/FurtherCourse/Agreement[{i + 1}]/Deadline", "Date.BeforeInterview",
                    "An agreement's deadline cannot be before the interview."));
            }
        }

        var next = interview.NextContact;
        // Neither is the missing item 10, reported by the requirements check; both is this rule's.
        if (next.PlannedOn.HasValue && next.EndReason.HasValue)
        {
            violations.Add(new("Registration/NextContact", "NextContact.ExactlyOne",
                "Give either the date of the next contact (PlannedOn) or why there is none (EndReason), not both."));
        }
        else if (next.PlannedOn is { } planned && planned <= interview.HeldOn)
        {
            violations.Add(new("Registration/NextContact/PlannedOn", "Date.NotAfterInterview",
                "The next contact must be planned after the interview date."));
        }
    }

    private static void CheckCodes(Interview interview, List<FieldViolation> violations)
    {
        for (var i = 0; i < interview.EmploymentGoals.Count; i++)
        {
            if (!IsOccupationCode(interview.EmploymentGoals[i].OccupationCode))
            {
                violations.Add(new($"Registration/EmploymentGoals/Goal[{i + 1}]/OccupationCode", "OccupationCode.Invalid", "A DISCO-88 occupation code is 4 digits."));
            }
        }

        if (interview.EmploymentGoals.Count > 5)
        {
            violations.Add(new("Registration/EmploymentGoals", "EmploymentGoals.TooMany", "Register at most 5 employment goals."));
        }

        var rough = interview.RoughMatch?.OccupationCodes ?? [];
        for (var i = 0; i < rough.Count; i++)
        {
            if (!IsOccupationCode(rough[i]))
            {
                violations.Add(new($"Registration/RoughMatch/OccupationCode[{i + 1}]", "OccupationCode.Invalid", "A DISCO-88 occupation code is 4 digits."));
            }
        }
    }

    private static void CheckTexts(Interview interview, List<FieldViolation> violations)
    {
        for (var i = 0; i < interview.EmploymentGoals.Count; i++)
        {
            CheckText($"Registration/EmploymentGoals/Goal[{i + 1}]/Text", interview.EmploymentGoals[i].Text, GoalTextMax, violations);
        }

        for (var i = 0; i < interview.FurtherCourse.Agreements.Count; i++)
        {
            var text = interview.FurtherCourse.Agreements[i].Text;
            CheckText($"Registration/FurtherCourse/Agreement[{i + 1}]/Text", text, AgreementTextMax, violations, required: true);
        }

        if (interview.FurtherCourse.Agreements.Count > 0 && interview.FurtherCourse.NoAgreementReason is not null)
        {
            violations.Add(new("Registration/FurtherCourse/NoAgreementReason", "FurtherCourse.ReasonWithAgreements",
                "Give NoAgreementReason only when no agreement was made."));
        }

        CheckText("Registration/FurtherCourse/NoAgreementReason", interview.FurtherCourse.NoAgreementReason, NoAgreementReasonMax, violations);
        CheckText("Registration/JobSearchBehaviour/Text", interview.JobSearchBehaviour?.Text, JobSearchTextMax, violations);
        CheckText("Registration/CitizenComments", interview.CitizenComments, CitizenCommentsMax, violations);
    }

    /// <summary>The reason of a correction or cancellation: required plain text of at most <see cref="ReasonMax"/> characters.</summary>
    public static IReadOnlyList<FieldViolation> CheckReason(string? reason)
    {
        var violations = new List<FieldViolation>();
        CheckText("Reason", reason ?? "", ReasonMax, violations, required: true);
        return violations;
    }

    private static void CheckText(string path, string? text, int max, List<FieldViolation> violations, bool required = false)
    {
        if (text is null)
        {
            return;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            violations.Add(new(path, "Text.Empty", "This text cannot be empty."));
        }
        else if (PlainText.Length(text) > max)
        {
            violations.Add(new(path, "Text.TooLong", $"At most {max} characters."));
        }
        else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r')) || !IsXmlText(text))
        {
            violations.Add(new(path, "Text.ControlCharacter", "Plain text only: no control characters other than line breaks, and only characters XML can carry."));
        }
    }

    /// <summary>
    /// Whether every character of <paramref name="text"/> is one XML 1.0 can carry. The web services cannot receive any
    /// other, and what is stored must be answerable by them: the registration tool's forms can send such characters
    /// (U+FFFF, a lone surrogate), so the rule is the domain's, for every channel.
    /// </summary>
    public static bool IsXmlText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]))
            {
                // Only a pair is a character; a lone half is none.
                if (!(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
                {
                    return false;
                }

                i++;
            }
            else if (!System.Xml.XmlConvert.IsXmlChar(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Total for every date: months after a day near the end of the calendar are the end of the calendar.
    private static DateOnly MonthsAfter(DateOnly day, int months) =>
        day <= DateOnly.MaxValue.AddMonths(-months) ? day.AddMonths(months) : DateOnly.MaxValue;

    private static bool IsOccupationCode(string code) => code is { Length: 4 } && code.All(char.IsAsciiDigit);

    private static string ItemElement(RegistrationItem item) => item switch
    {
        RegistrationItem.Identification => "Cpr",
        _ => item.ToString(),
    };

    private static string Describe(AuthorityKind kind) => kind switch
    {
        AuthorityKind.Municipality => "municipality",
        AuthorityKind.EmploymentServiceUnit => "Employment Service unit",
        _ => "other actor",
    };

    private static string WithArticle(AuthorityKind kind) => (kind == AuthorityKind.EmploymentServiceUnit ? "an " : "a ") + Describe(kind);
}
