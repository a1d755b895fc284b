using System.Globalization;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.RegistrationTool;

/// <summary>The registration form's fields as a browser posts them.</summary>
public static class ToolForms
{
    private static string Day(int offset) => SampleRegistrations.Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// <see cref="SampleRegistrations.Complete"/> typed into the tool's form: every item, with the text area's line break as
    /// the browser sends it (CR LF).
    /// </summary>
    public static List<KeyValuePair<string, string>> Complete(string cpr, string requestId) =>
    [
        new("RequestId", requestId),
        new("Input.Cpr", cpr[..6] + "-" + cpr[6..]),
        new("Input.CaseType", "Kontanthjaelp"),
        new("Input.HeldOn", Day(-1)),
        new("Input.Type", "Opfoelgningssamtale"),
        new("Input.Form", "Video"),
        new("Input.MatchCategory", "LavGradAfMatch"),
        new("Input.Goals[0].OccupationCode", "5220"),
        new("Input.Goals[0].Text", "Butiksassistent"),
        new("Input.Goals[1].OccupationCode", "9132"),
        new("Input.Goals[1].Text", "Rengøring, æøå ÆØÅ"),
        new("Input.Goals[2].OccupationCode", ""),
        new("Input.RoughMatchOutcome", "DelvisMatch"),
        new("Input.RoughMatchCodes", "5220 9132"),
        new("Input.Agreements[0].Kind", "Jobsoegning"),
        new("Input.Agreements[0].Text", "Søger 5 stillinger om ugen.\r\nFølger op."),
        new("Input.Agreements[0].Deadline", Day(14)),
        new("Input.Agreements[1].Kind", "Uddannelse"),
        new("Input.Agreements[1].Text", "Truckcertifikat"),
        new("Input.Agreements[2].Kind", ""),
        new("Input.Offers[0].Kind", "Virksomhedspraktik"),
        new("Input.Offers[0].Status", "Planlagt"),
        new("Input.Offers[0].StartDate", Day(7)),
        new("Input.Offers[1].Kind", "VejledningOgOpkvalificering"),
        new("Input.Offers[1].Status", "Paabegyndt"),
        new("Input.Offers[1].StartDate", Day(-20)),
        new("Input.CvStatus", "Opdateret"),
        new("Input.NextContactPlannedOn", Day(60)),
        new("Input.NextContactEndReason", ""),
        new("Input.JobSearchAssessment", "Delvis"),
        new("Input.JobSearchText", "Søger mest inden for detail."),
        new("Input.CitizenComments", "Borgeren ønsker <b>deltid</b> & \"fleksible\" tider."),
    ];

    /// <summary>A municipality's registration with only what is mandatory for it.</summary>
    public static List<KeyValuePair<string, string>> Minimal(string cpr, string requestId) =>
    [
        new("RequestId", requestId),
        new("Input.Cpr", cpr),
        new("Input.CaseType", "Kontanthjaelp"),
        new("Input.HeldOn", Day(0)),
        new("Input.Type", "Kontaktsamtale"),
        new("Input.Form", "Personligt"),
        new("Input.MatchCategory", "DelvisMatch"),
        new("Input.Goals[0].OccupationCode", "5220"),
        new("Input.NoAgreementReason", "Borgeren var syg."),
        new("Input.CvStatus", "Registreret"),
        new("Input.NextContactPlannedOn", Day(30)),
    ];

    /// <summary><paramref name="form"/> with field <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> form, string name, string value) =>
        [.. form.Where(f => f.Key != name), new(name, value)];
}
