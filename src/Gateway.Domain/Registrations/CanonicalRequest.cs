namespace Gateway.Domain.Registrations;

/// <summary>
/// Form v1 of a write's content, the text <see cref="RequestFingerprint"/> hashes: the fields in a fixed order under
/// names of their own, written by <see cref="CanonicalText"/>. The names and the operation names are literals on purpose:
/// renaming a C# property or class must not change a fingerprint. Changing anything written here (a field added,
/// removed, renamed, moved or written differently) changes every fingerprint, so it is a new form, v2, and v1 stays
/// recognised beside it as <see cref="LegacyRequestJson"/> (v0) is now.
/// </summary>
internal static class CanonicalRequest
{
    /// <summary>The version line of this form.</summary>
    public const string Version = "v1";

    /// <summary>Form v1 of a RegisterInterview write.</summary>
    public static string OfRegistration(Caller caller, Interview interview)
    {
        var text = Start("RegisterInterview", caller);
        WriteInterview(text, interview);
        return text.ToString();
    }

    /// <summary>Form v1 of a CorrectInterview write.</summary>
    public static string OfCorrection(Caller caller, Guid registrationId, int version, string reason, Interview interview)
    {
        var text = Start("CorrectInterview", caller);
        WriteChange(text, registrationId, version, reason);
        WriteInterview(text, interview);
        return text.ToString();
    }

    /// <summary>Form v1 of a CancelInterview write.</summary>
    public static string OfCancellation(Caller caller, Guid registrationId, int version, string reason)
    {
        var text = Start("CancelInterview", caller);
        WriteChange(text, registrationId, version, reason);
        return text.ToString();
    }

    // The operation, then who asks: acting authority, principal, case worker. The call id is left out on purpose.
    private static CanonicalText Start(string operation, Caller caller)
    {
        var text = new CanonicalText(Version);
        text.Text("operation", operation);
        text.Code("actingAuthority.kind", caller.ActingAuthority.Kind);
        text.Text("actingAuthority.code", caller.ActingAuthority.Code);
        if (caller.Principal is { } principal)
        {
            text.Code("principal.kind", principal.Kind);
            text.Text("principal.code", principal.Code);
        }
        else
        {
            text.Missing("principal");
        }

        text.Text("caseWorkerId", caller.CaseWorkerId);
        return text;
    }

    private static void WriteChange(CanonicalText text, Guid registrationId, int version, string reason)
    {
        text.Id("registrationId", registrationId);
        text.Number("version", version);
        text.Text("reason", reason);
    }

    // The items in the order of § 2 stk. 2 (items 1 to 12).
    private static void WriteInterview(CanonicalText text, Interview interview)
    {
        text.Text("interview.cpr", interview.Cpr);
        text.Code("interview.caseType", interview.CaseType);
        text.Date("interview.heldOn", interview.HeldOn);
        text.Code("interview.type", interview.Type);
        text.Code("interview.form", interview.Form);
        text.Code("interview.matchCategory", interview.MatchCategory);

        text.Count("interview.employmentGoals", interview.EmploymentGoals.Count);
        for (var i = 0; i < interview.EmploymentGoals.Count; i++)
        {
            var goal = interview.EmploymentGoals[i];
            text.Text($"interview.employmentGoals[{i}].occupationCode", goal.OccupationCode);
            text.Text($"interview.employmentGoals[{i}].text", goal.Text);
        }

        if (interview.RoughMatch is { } roughMatch)
        {
            text.Code("interview.roughMatch.outcome", roughMatch.Outcome);
            text.Count("interview.roughMatch.occupationCodes", roughMatch.OccupationCodes.Count);
            for (var i = 0; i < roughMatch.OccupationCodes.Count; i++)
            {
                text.Text($"interview.roughMatch.occupationCodes[{i}]", roughMatch.OccupationCodes[i]);
            }
        }
        else
        {
            text.Missing("interview.roughMatch");
        }

        var agreements = interview.FurtherCourse.Agreements;
        text.Count("interview.furtherCourse.agreements", agreements.Count);
        for (var i = 0; i < agreements.Count; i++)
        {
            text.Code($"interview.furtherCourse.agreements[{i}].kind", agreements[i].Kind);
            text.Text($"interview.furtherCourse.agreements[{i}].text", agreements[i].Text);
            text.Date($"interview.furtherCourse.agreements[{i}].deadline", agreements[i].Deadline);
        }

        text.Text("interview.furtherCourse.noAgreementReason", interview.FurtherCourse.NoAgreementReason);

        if (interview.Offers is { } offers)
        {
            text.Count("interview.offers", offers.Count);
            for (var i = 0; i < offers.Count; i++)
            {
                text.Code($"interview.offers[{i}].kind", offers[i].Kind);
                text.Code($"interview.offers[{i}].status", offers[i].Status);
                text.Date($"interview.offers[{i}].startDate", offers[i].StartDate);
            }
        }
        else
        {
            text.Missing("interview.offers");
        }

        text.Code("interview.cvStatus", interview.CvStatus);
        text.Date("interview.nextContact.plannedOn", interview.NextContact.PlannedOn);
        text.Code("interview.nextContact.endReason", interview.NextContact.EndReason);

        if (interview.JobSearchBehaviour is { } behaviour)
        {
            text.Code("interview.jobSearchBehaviour.assessment", behaviour.Assessment);
            text.Text("interview.jobSearchBehaviour.text", behaviour.Text);
        }
        else
        {
            text.Missing("interview.jobSearchBehaviour");
        }

        text.Text("interview.citizenComments", interview.CitizenComments);
    }
}
