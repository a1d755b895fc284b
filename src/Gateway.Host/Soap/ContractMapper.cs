using Gateway.Contracts.Types;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;

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

    private static Authority ToContract(AuthorityId authority) => new() { Kind = authority.Kind, Code = authority.Code };

    private static DateTime ToDateTime(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
}
