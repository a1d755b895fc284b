using System.Globalization;
using Gateway.Contracts.CodeLists;
using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;

namespace Gateway.RegistrationTool.Forms;

/// <summary>
/// The registration form as the browser posts it: every field a string, so that whatever is typed comes back to the
/// page as typed. <see cref="Read"/> turns it into the domain's <see cref="Interview"/>, the same value the SOAP adapter
/// makes from a request, and the rules are the domain's (<see cref="RegistrationRules"/>); only what a form can get
/// wrong and a schema cannot (a date that is not a date, a choice not on the list) is checked here.
/// </summary>
public sealed class InterviewInput
{
    /// <summary>The most rows of agreements and offers the contract takes.</summary>
    public const int MaxAgreements = 20, MaxOffers = 20, MaxGoals = 5, MaxRoughMatchCodes = 5;

    public string? Cpr { get; set; }
    public string? CaseType { get; set; }
    public string? HeldOn { get; set; }
    public string? Type { get; set; }
    public string? Form { get; set; }
    public string? MatchCategory { get; set; }
    public List<GoalRow> Goals { get; set; } = [];
    public string? RoughMatchOutcome { get; set; }
    public string? RoughMatchCodes { get; set; }
    public List<AgreementRow> Agreements { get; set; } = [];
    public string? NoAgreementReason { get; set; }
    public List<OfferRow> Offers { get; set; } = [];
    public string? CvStatus { get; set; }
    public string? NextContactPlannedOn { get; set; }
    public string? NextContactEndReason { get; set; }
    public string? JobSearchAssessment { get; set; }
    public string? JobSearchText { get; set; }
    public string? CitizenComments { get; set; }

    /// <summary>A blank form: today's date, the next contact three weeks out, and empty rows to fill in.</summary>
    public static InterviewInput Blank(DateOnly today) => new InterviewInput
    {
        HeldOn = Iso(today),
        NextContactPlannedOn = Iso(today.AddDays(21)),
    }.WithRows();

    /// <summary>The form for correcting <paramref name="interview"/>: what is stored, plus empty rows to add to.</summary>
    public static InterviewInput Of(Interview interview) => new InterviewInput
    {
        Cpr = interview.Cpr,
        CaseType = interview.CaseType.ToString(),
        HeldOn = Iso(interview.HeldOn),
        Type = interview.Type.ToString(),
        Form = interview.Form.ToString(),
        MatchCategory = interview.MatchCategory.ToString(),
        Goals = [.. interview.EmploymentGoals.Select(g => new GoalRow { OccupationCode = g.OccupationCode, Text = g.Text })],
        RoughMatchOutcome = interview.RoughMatch?.Outcome.ToString(),
        RoughMatchCodes = interview.RoughMatch is { } rough ? string.Join(' ', rough.OccupationCodes) : null,
        Agreements = [.. interview.FurtherCourse.Agreements.Select(a => new AgreementRow { Kind = a.Kind.ToString(), Text = a.Text, Deadline = a.Deadline is { } d ? Iso(d) : null })],
        NoAgreementReason = interview.FurtherCourse.NoAgreementReason,
        Offers = [.. (interview.Offers ?? []).Select(o => new OfferRow { Kind = o.Kind.ToString(), Status = o.Status.ToString(), StartDate = Iso(o.StartDate) })],
        CvStatus = interview.CvStatus.ToString(),
        NextContactPlannedOn = interview.NextContact.PlannedOn is { } planned ? Iso(planned) : null,
        NextContactEndReason = interview.NextContact.EndReason?.ToString(),
        JobSearchAssessment = interview.JobSearchBehaviour?.Assessment.ToString(),
        JobSearchText = interview.JobSearchBehaviour?.Text,
        CitizenComments = interview.CitizenComments,
    }.WithRows();

    /// <summary>Tops the rows up so that there is room to add: all five goals, and two more agreements and offers than filled in.</summary>
    public InterviewInput WithRows()
    {
        Goals = [.. Goals.Take(MaxGoals)];
        while (Goals.Count < MaxGoals)
        {
            Goals.Add(new GoalRow());
        }

        // The form never shows more rows than the contract takes; more arrive only from a crafted post.
        Agreements = [.. Agreements.Take(MaxAgreements)];
        Offers = [.. Offers.Take(MaxOffers)];
        TopUp(Agreements, MaxAgreements, 3);
        TopUp(Offers, MaxOffers, 2);
        return this;
    }

    /// <summary>
    /// The interview the form describes, or the fields that cannot be read, each under the form field's id. Where the
    /// domain's rules later name a path (<c>Registration/FurtherCourse/Agreement[2]/Deadline</c>), <see cref="FormReading.FieldOf"/>
    /// of the returned form names the field it came from.
    /// </summary>
    public FormReading Read()
    {
        var problems = new List<FieldViolation>();
        // A browser can send any character; the domain only ever sees what the web services could have carried.
        foreach (var (field, value) in Fields().Where(f => f.Value is not null && !RegistrationRules.IsXmlText(f.Value)))
        {
            problems.Add(new(field, "Text.ControlCharacter", "Plain text only: no control characters other than line breaks, and only characters XML can carry."));
        }

        if (problems.Count > 0)
        {
            return new FormReading(null, problems, [], []);
        }

        var cpr = CprOf(Cpr);
        var caseType = Choice<CaseType>(CaseType, "CaseType", problems);
        var heldOn = Date(HeldOn, "HeldOn", problems, required: true);
        var type = Choice<InterviewType>(Type, "Type", problems);
        var form = Choice<InterviewForm>(Form, "Form", problems);
        var match = Choice<MatchCategory>(MatchCategory, "MatchCategory", problems);

        var goalRows = new List<int>();
        var goals = new List<EmploymentGoalItem>();
        for (var i = 0; i < Goals.Count; i++)
        {
            var row = Goals[i];
            if (Blank(row.OccupationCode) && Blank(row.Text))
            {
                continue;
            }

            goalRows.Add(i);
            goals.Add(new EmploymentGoalItem((row.OccupationCode ?? "").Trim(), Optional(row.Text)));
        }

        RoughMatchItem? roughMatch = null;
        var codes = (RoughMatchCodes ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (!Blank(RoughMatchOutcome) || codes.Length > 0)
        {
            var outcome = Choice<RoughMatchOutcome>(RoughMatchOutcome, "RoughMatchOutcome", problems);
            if (codes.Length > MaxRoughMatchCodes)
            {
                problems.Add(new("RoughMatchCodes", "Form.TooManyCodes", $"At most {MaxRoughMatchCodes} occupation codes."));
            }

            roughMatch = new RoughMatchItem(outcome ?? default, codes);
        }

        var agreementRows = new List<int>();
        var agreements = new List<CourseAgreementItem>();
        for (var i = 0; i < Agreements.Count; i++)
        {
            var row = Agreements[i];
            if (Blank(row.Kind) && Blank(row.Text) && Blank(row.Deadline))
            {
                continue;
            }

            agreementRows.Add(i);
            var kind = Choice<CourseAgreementKind>(row.Kind, $"Agreements_{i}__Kind", problems);
            var deadline = Date(row.Deadline, $"Agreements_{i}__Deadline", problems, required: false);
            agreements.Add(new CourseAgreementItem(kind ?? default, Lines(row.Text) ?? "", deadline));
        }

        var offers = new List<OfferItem>();
        for (var i = 0; i < Offers.Count; i++)
        {
            var row = Offers[i];
            if (Blank(row.Kind) && Blank(row.Status) && Blank(row.StartDate))
            {
                continue;
            }

            var kind = Choice<OfferKind>(row.Kind, $"Offers_{i}__Kind", problems);
            var status = Choice<OfferStatus>(row.Status, $"Offers_{i}__Status", problems);
            var start = Date(row.StartDate, $"Offers_{i}__StartDate", problems, required: true);
            offers.Add(new OfferItem(kind ?? default, status ?? default, start ?? default));
        }

        var cvStatus = Choice<CvStatus>(CvStatus, "CvStatus", problems);
        var plannedOn = Date(NextContactPlannedOn, "NextContactPlannedOn", problems, required: false);
        var endReason = Blank(NextContactEndReason) ? null : Choice<CourseEndReason>(NextContactEndReason, "NextContactEndReason", problems);

        JobSearchItem? jobSearch = null;
        if (!Blank(JobSearchAssessment) || !Blank(JobSearchText))
        {
            var assessment = Choice<JobSearchAssessment>(JobSearchAssessment, "JobSearchAssessment", problems);
            jobSearch = new JobSearchItem(assessment ?? default, Optional(JobSearchText));
        }

        if (problems.Count > 0)
        {
            return new FormReading(null, problems, goalRows, agreementRows);
        }

        var interview = new Interview
        {
            Cpr = cpr,
            CaseType = caseType!.Value,
            HeldOn = heldOn!.Value,
            Type = type!.Value,
            Form = form!.Value,
            MatchCategory = match!.Value,
            EmploymentGoals = goals,
            RoughMatch = roughMatch,
            FurtherCourse = new FurtherCourseItem(agreements, Optional(NoAgreementReason)),
            Offers = offers.Count > 0 ? offers : null,
            CvStatus = cvStatus!.Value,
            NextContact = new NextContactItem(plannedOn, endReason),
            JobSearchBehaviour = jobSearch,
            CitizenComments = Optional(CitizenComments),
        };
        return new FormReading(interview, [], goalRows, agreementRows);
    }

    // Every field as (form id, value).
    private IEnumerable<(string Id, string? Value)> Fields()
    {
        (string, string?)[] single =
        [
            ("Cpr", Cpr), ("CaseType", CaseType), ("HeldOn", HeldOn), ("Type", Type), ("Form", Form), ("MatchCategory", MatchCategory),
            ("RoughMatchOutcome", RoughMatchOutcome), ("RoughMatchCodes", RoughMatchCodes), ("NoAgreementReason", NoAgreementReason),
            ("CvStatus", CvStatus), ("NextContactPlannedOn", NextContactPlannedOn), ("NextContactEndReason", NextContactEndReason),
            ("JobSearchAssessment", JobSearchAssessment), ("JobSearchText", JobSearchText), ("CitizenComments", CitizenComments),
        ];
        var rows = Goals.SelectMany((g, i) => new (string, string?)[] { ($"Goals_{i}__OccupationCode", g.OccupationCode), ($"Goals_{i}__Text", g.Text) })
            .Concat(Agreements.SelectMany((a, i) => new (string, string?)[] { ($"Agreements_{i}__Kind", a.Kind), ($"Agreements_{i}__Text", a.Text), ($"Agreements_{i}__Deadline", a.Deadline) }))
            .Concat(Offers.SelectMany((o, i) => new (string, string?)[] { ($"Offers_{i}__Kind", o.Kind), ($"Offers_{i}__Status", o.Status), ($"Offers_{i}__StartDate", o.StartDate) }));
        return single.Concat(rows);
    }

    /// <summary>A CPR number as typed (with a hyphen or spaces, say) as the operations take it: the characters without those.</summary>
    public static string CprOf(string? typed) =>
        (typed ?? "").Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    private static void TopUp<T>(List<T> rows, int max, int spare) where T : new()
    {
        var target = Math.Min(max, rows.Count + spare);
        while (rows.Count < target)
        {
            rows.Add(new T());
        }
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    // An empty optional text is no text, as an absent element is on the web services.
    private static string? Optional(string? value) => string.IsNullOrEmpty(value) ? null : Lines(value);

    /// <summary>
    /// A browser sends a text area's line breaks as CR LF; an XML parser hands the web services LF. Normalised the same
    /// way, the same text typed into either is stored the same.
    /// </summary>
    public static string? Lines(string? value) =>
        value?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static T? Choice<T>(string? value, string field, List<FieldViolation> problems) where T : struct, Enum
    {
        // Only the names of the code list: Enum.TryParse would take "3" or "1,2" too.
        if (value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal))
        {
            return Enum.Parse<T>(value);
        }

        problems.Add(new(field, "Form.Choice", "Choose a value from the list."));
        return null;
    }

    private static DateOnly? Date(string? value, string field, List<FieldViolation> problems, bool required)
    {
        if (Blank(value))
        {
            if (required)
            {
                problems.Add(new(field, "Form.Date", "Give a date as YYYY-MM-DD."));
            }

            return null;
        }

        if (DateOnly.TryParseExact(value!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(new(field, "Form.Date", "Give a date as YYYY-MM-DD."));
        return null;
    }
}

/// <summary>One employment-goal row of the form.</summary>
public sealed class GoalRow
{
    public string? OccupationCode { get; set; }
    public string? Text { get; set; }
}

/// <summary>One agreement row of the further course.</summary>
public sealed class AgreementRow
{
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public string? Deadline { get; set; }
}

/// <summary>One offer row.</summary>
public sealed class OfferRow
{
    public string? Kind { get; set; }
    public string? Status { get; set; }
    public string? StartDate { get; set; }
}
