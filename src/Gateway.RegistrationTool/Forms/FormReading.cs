using System.Text.RegularExpressions;
using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;

namespace Gateway.RegistrationTool.Forms;

/// <summary>
/// What <see cref="InterviewInput.Read"/> made of a form: the interview, or the fields that could not be read; and
/// which form row each goal and agreement came from, since empty rows are left out of the interview.
/// </summary>
public sealed partial record FormReading(Interview? Interview, IReadOnlyList<FieldViolation> Problems, IReadOnlyList<int> GoalRows, IReadOnlyList<int> AgreementRows)
{
    /// <summary>
    /// The form field a violation belongs to: a form problem names its field already; a rule violation names a path in
    /// the registration, as the web services' fault does, which is mapped here to the field the case worker filled in.
    /// </summary>
    public string FieldOf(FieldViolation violation)
    {
        var path = violation.Field;
        if (!path.StartsWith("Registration/", StringComparison.Ordinal) && path is not "Reason" and not "Cpr")
        {
            return path;
        }

        if (Indexed().Match(path) is { Success: true } indexed)
        {
            var n = int.Parse(indexed.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
            var rest = indexed.Groups["rest"].Value;
            return indexed.Groups["list"].Value switch
            {
                "EmploymentGoals/Goal" when n < GoalRows.Count => $"Goals_{GoalRows[n]}__{(rest == "Text" ? "Text" : "OccupationCode")}",
                "FurtherCourse/Agreement" when n < AgreementRows.Count => $"Agreements_{AgreementRows[n]}__{(rest == "Deadline" ? "Deadline" : "Text")}",
                "RoughMatch/OccupationCode" => "RoughMatchCodes",
                _ => "Cpr",
            };
        }

        return path switch
        {
            "Registration/Cpr" or "Cpr" => "Cpr",
            "Registration/CaseType" => "CaseType",
            "Registration/Interview/HeldOn" or "Registration/Interview" => "HeldOn",
            "Registration/Form" => "Form",
            "Registration/MatchCategory" => "MatchCategory",
            "Registration/EmploymentGoals" => "Goals_0__OccupationCode",
            "Registration/RoughMatch" => "RoughMatchOutcome",
            "Registration/FurtherCourse" => "Agreements_0__Kind",
            "Registration/FurtherCourse/NoAgreementReason" => "NoAgreementReason",
            "Registration/Offers" => "Offers_0__Kind",
            "Registration/CvStatus" => "CvStatus",
            "Registration/NextContact" or "Registration/NextContact/PlannedOn" => "NextContactPlannedOn",
            "Registration/NextContact/EndReason" => "NextContactEndReason",
            "Registration/JobSearchBehaviour" => "JobSearchAssessment",
            "Registration/JobSearchBehaviour/Text" => "JobSearchText",
            "Registration/CitizenComments" => "CitizenComments",
            "Reason" => "Reason",
            _ => "Cpr",
        };
    }

    [GeneratedRegex(@"^Registration/(?<list>EmploymentGoals/Goal|FurtherCourse/Agreement|RoughMatch/OccupationCode)\[(?<n>\d+)\](/(?<rest>\w+))?$")]
    private static partial Regex Indexed();
}
