using Gateway.Contracts.Types;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using Gateway.Domain.Supervision;
using SupervisionReport = Gateway.Domain.Supervision.SupervisionReport;

namespace Gateway.Host.Soap;

/// <summary>Translates between the published contract types and the domain's records. No rules live here.</summary>
internal static class ContractMapper
{
    public static Interview ToInterview(InterviewRegistration r) => new()
    {
        Cpr = r.Cpr,
        CaseType = r.CaseType,
        HeldOn = DateOnly.FromDateTime(r.Interview.HeldOn),
        Type = r.Interview.Type,
        Form = r.Form,
        MatchCategory = r.MatchCategory,
        EmploymentGoals = [.. r.EmploymentGoals.Select(g => new EmploymentGoalItem(g.OccupationCode, g.Text))],
        RoughMatch = r.RoughMatch is null ? null : new RoughMatchItem(r.RoughMatch.Outcome, [.. r.RoughMatch.OccupationCodes]),
        FurtherCourse = new FurtherCourseItem(
            [.. r.FurtherCourse.Agreements.Select(a => new CourseAgreementItem(a.Kind, a.Text, a.DeadlineSpecified ? DateOnly.FromDateTime(a.Deadline) : null))],
            r.FurtherCourse.NoAgreementReason),
        // XmlSerializer creates an empty list for an absent element, so "none" and "not given" are one case here.
        Offers = r.Offers is null or { Count: 0 } ? null : [.. r.Offers.Select(o => new OfferItem(o.Kind, o.Status, DateOnly.FromDateTime(o.StartDate)))],
        CvStatus = r.CvStatus,
        NextContact = new NextContactItem(
            r.NextContact.PlannedOnSpecified ? DateOnly.FromDateTime(r.NextContact.PlannedOn) : null,
            r.NextContact.EndReasonSpecified ? r.NextContact.EndReason : null),
        JobSearchBehaviour = r.JobSearchBehaviour is null ? null : new JobSearchItem(r.JobSearchBehaviour.Assessment, r.JobSearchBehaviour.Text),
        CitizenComments = r.CitizenComments,
    };

    public static RegistrationReceipt ToContract(Receipt receipt) => new()
    {
        RegistrationId = receipt.RegistrationId,
        Version = receipt.Version,
        ReceivedAt = receipt.ReceivedAt.UtcDateTime,
        Late = receipt.Late,
        Warnings = [.. receipt.Warnings.Select(w => new ReceiptWarning { Code = w.Code, Text = w.Text })],
    };

    public static ContactCourse ToContract(CitizenCourse course) => new()
    {
        Cpr = course.Cpr,
        CurrentCaseType = course.CurrentCaseType.GetValueOrDefault(),
        CurrentCaseTypeSpecified = course.CurrentCaseType.HasValue,
        ResponsibleAuthority = course.ResponsibleAuthority is null ? null : ToContract(course.ResponsibleAuthority),
        LatestMatchCategory = course.LatestMatchCategory.GetValueOrDefault(),
        LatestMatchCategorySpecified = course.LatestMatchCategory.HasValue,
        NextPlannedContact = ToDateTime(course.NextPlannedContact.GetValueOrDefault()),
        NextPlannedContactSpecified = course.NextPlannedContact.HasValue,
        Registrations = [.. course.Registrations.Select(ToContract)],
    };

    public static RegisteredInterview ToContract(StoredRegistration stored) => new()
    {
        RegistrationId = stored.Id,
        Version = stored.Version,
        ReceivedAt = stored.ReceivedAt.UtcDateTime,
        ResponsibleAuthority = ToContract(stored.ResponsibleAuthority),
        OtherActor = stored.OtherActor is null ? null : ToContract(stored.OtherActor),
        CaseWorkerId = stored.CaseWorkerId,
        Late = stored.Late,
        Interview = ToContract(stored.Interview),
        Change = stored.Change,
        Reason = stored.Reason,
        Channel = stored.Channel,
    };

    public static InterviewHistory ToContract(RegistrationHistory history) => new()
    {
        RegistrationId = history.Id,
        Cpr = history.Cpr,
        ResponsibleAuthority = ToContract(history.ResponsibleAuthority),
        CurrentVersion = history.Current.Version,
        Cancelled = history.Cancelled,
        Versions = [.. history.Versions.Select(v => new RegistrationVersion
        {
            Version = v.Version,
            Change = v.Change,
            Reason = v.Reason,
            ReceivedAt = v.ReceivedAt.UtcDateTime,
            OtherActor = v.OtherActor is null ? null : ToContract(v.OtherActor),
            CaseWorkerId = v.CaseWorkerId,
            Late = v.Late,
            Interview = ToContract(v.Interview),
            Channel = v.Channel,
        })],
    };

    public static RegistrationPage ToContract(RegistrationFeedPage page) => new()
    {
        Entries = [.. page.Versions.Select(v => new RegistrationChange
        {
            RegistrationId = v.Id,
            Version = v.Version,
            Change = v.Change,
            ReceivedAt = v.ReceivedAt.UtcDateTime,
            RequestId = v.RequestId,
            Cpr = v.Interview.Cpr,
            CaseType = v.Interview.CaseType,
            HeldOn = ToDateTime(v.Interview.HeldOn),
            OtherActor = v.OtherActor is null ? null : ToContract(v.OtherActor),
            CaseWorkerId = v.CaseWorkerId,
            Channel = v.Channel,
        })],
        NextCursor = page.Next.ToString(),
        More = page.More,
    };

    public static InterviewRegistration ToContract(Interview i) => new()
    {
        Cpr = i.Cpr,
        CaseType = i.CaseType,
        Interview = new InterviewHeld { HeldOn = ToDateTime(i.HeldOn), Type = i.Type },
        Form = i.Form,
        MatchCategory = i.MatchCategory,
        EmploymentGoals = [.. i.EmploymentGoals.Select(g => new EmploymentGoal { OccupationCode = g.OccupationCode, Text = g.Text })],
        RoughMatch = i.RoughMatch is null ? null : new RoughMatch { Outcome = i.RoughMatch.Outcome, OccupationCodes = [.. i.RoughMatch.OccupationCodes] },
        FurtherCourse = new FurtherCourse
        {
            Agreements = [.. i.FurtherCourse.Agreements.Select(a => new CourseAgreement
            {
                Kind = a.Kind,
                Text = a.Text,
                Deadline = ToDateTime(a.Deadline.GetValueOrDefault()),
                DeadlineSpecified = a.Deadline.HasValue,
            })],
            NoAgreementReason = i.FurtherCourse.NoAgreementReason,
        },
        Offers = i.Offers is null ? null : [.. i.Offers.Select(o => new Offer { Kind = o.Kind, Status = o.Status, StartDate = ToDateTime(o.StartDate) })],
        CvStatus = i.CvStatus,
        NextContact = new NextContact
        {
            PlannedOn = ToDateTime(i.NextContact.PlannedOn.GetValueOrDefault()),
            PlannedOnSpecified = i.NextContact.PlannedOn.HasValue,
            EndReason = i.NextContact.EndReason.GetValueOrDefault(),
            EndReasonSpecified = i.NextContact.EndReason.HasValue,
        },
        JobSearchBehaviour = i.JobSearchBehaviour is null ? null : new JobSearchBehaviour { Assessment = i.JobSearchBehaviour.Assessment, Text = i.JobSearchBehaviour.Text },
        CitizenComments = i.CitizenComments,
    };

    public static AuthorityId ToAuthority(Authority authority) => new(authority.Kind, authority.Code);

    public static Contracts.Types.SupervisionReport ToContract(SupervisionReport report) => new()
    {
        Authority = ToContract(report.Authority),
        From = ToDateTime(report.From),
        To = ToDateTime(report.To),
        ComputedAt = report.ComputedAt.UtcDateTime,
        OverdueAfterMonths = report.OverdueAfterMonths,
        NextContactLimitMonths = report.NextContactLimitMonths,
        Interviews = report.Interviews,
        InterviewsByTypeAndForm = [.. report.ByTypeAndForm.Select(g => new InterviewGroup
        {
            Type = Enum.Parse<Contracts.CodeLists.InterviewType>(g.Type),
            Form = Enum.Parse<Contracts.CodeLists.InterviewForm>(g.Form),
            Interviews = g.Interviews,
        })],
        CitizensInCourse = report.CitizensInCourse,
        OverdueCitizens = report.OverdueCitizens,
        LateRegistrations = ToContract(report.Late),
        NextContactBeyondLimit = ToContract(report.NextContactBeyondLimit),
        AnyMandatoryItemMissing = new FigureShare { Count = report.AnyMandatoryMissing, Of = report.Interviews },
        MissingMandatoryItems = [.. report.MissingMandatory.Select(m => new ItemShare { Item = m.Key, Count = m.Value.Count, Of = m.Value.Of })],
        VoluntaryItemUptake = [.. report.VoluntaryUptake.Select(m => new ItemShare { Item = m.Key, Count = m.Value.Count, Of = m.Value.Of })],
        MatchCategories = [.. report.MatchCategories.OrderBy(c => c.Key).Select(c => new CategoryCount { Category = (Contracts.CodeLists.MatchCategory)c.Key, Interviews = c.Value })],
        MatchMovement = new MatchMovement { Closer = report.MatchMovement.Closer, Further = report.MatchMovement.Further, Unchanged = report.MatchMovement.Unchanged },
        Months = [.. report.Monthly.Select(m => new MonthFigures { First = ToDateTime(m.First), Interviews = m.Interviews, Late = m.Late })],
        Definitions = [.. SupervisionFigures.All.Select(f => new FigureDefinition { Figure = f.Id, Name = f.English, NameDa = f.Danish, Text = f.Definition })],
        ThroughRegistrationTool = ToContract(report.ThroughTool),
    };

    public static OverdueCitizenPage ToContract(OverdueList list) => new()
    {
        Authority = ToContract(list.Authority),
        AsOf = ToDateTime(list.AsOf),
        OverdueAfterMonths = list.OverdueAfterMonths,
        Total = list.Page.Total,
        Citizens = [.. list.Page.Citizens.Select(c => new Contracts.Types.OverdueCitizen
        {
            Cpr = list.WithCpr ? c.Cpr : null,
            MaskedCpr = list.WithCpr ? null : Cpr.Mask(c.Cpr),
            RegistrationId = c.RegistrationId,
            LastInterviewOn = ToDateTime(c.LastInterviewOn),
            NextContactOn = ToDateTime(c.NextContactOn.GetValueOrDefault()),
            NextContactOnSpecified = c.NextContactOn.HasValue,
        })],
        NextCursor = list.Page.Next?.ToString(),
    };

    private static FigureShare ToContract(SupervisionReport.Share share) => new() { Count = share.Count, Of = share.Of };

    private static Authority ToContract(AuthorityId authority) => new() { Kind = authority.Kind, Code = authority.Code };

    private static DateTime ToDateTime(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
}
