using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Gateway.Contracts;

namespace Gateway.Benchmarks.Requests;

/// <summary>
/// The request bodies, made from the samples in <c>docs/samples</c> (embedded in this assembly). The gateway
/// refuses interviews held in the future, so the dates are set from today's date at run time.
/// </summary>
internal sealed class SoapEnvelopes
{
    private static readonly XNamespace Contract = ContractNamespace.V1;

    private SoapEnvelopes(
        CprTemplate registerInterview, CprTemplate correctInterview, CprTemplate getContactCourse, RegistrationPageRequests listRegistrations, byte[] ping,
        DateOnly heldOn)
    {
        Ping = ping;
        RegisterInterviewTemplate = registerInterview;
        CorrectInterviewTemplate = correctInterview;
        GetContactCourseTemplate = getContactCourse;
        ListRegistrations = listRegistrations;
        HeldOn = heldOn;
    }

    /// <summary>The interview date of every registration: today in Europe/Copenhagen, the gateway's default zone.</summary>
    public DateOnly HeldOn { get; }

    public CprTemplate RegisterInterviewTemplate { get; }

    /// <summary>The CorrectInterview sample: corrects version 1 of the registration filled in, with the RegisterInterview sample's dates.</summary>
    public CprTemplate CorrectInterviewTemplate { get; }

    public CprTemplate GetContactCourseTemplate { get; }

    /// <summary>The ListRegistrations sample, asking for pages of <see cref="RegistrationPageRequests.PageSize"/>.</summary>
    public RegistrationPageRequests ListRegistrations { get; }

    /// <summary>The Ping sample as it stands (with its CallContext header, which the bare baselines ignore).</summary>
    public byte[] Ping { get; }

    /// <summary>The bodies for interviews held today, agreement deadline in two weeks, next contact in three weeks (no warnings).</summary>
    public static SoapEnvelopes ForToday(TimeProvider clock)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

        var register = Sample("RegisterInterview.xml");
        SetAll(register, "Cpr", CprTemplate.Placeholder);
        SetAll(register, "RequestId", CprTemplate.RequestIdPlaceholder);
        SetDates(register, today);

        // The same items and dates as the registration it corrects, with the sample's correction (Form) and reason.
        var correct = Sample("CorrectInterview.xml");
        SetAll(correct, "Cpr", CprTemplate.Placeholder);
        SetAll(correct, "RequestId", CprTemplate.RequestIdPlaceholder);
        SetAll(correct, "RegistrationId", CprTemplate.RegistrationIdPlaceholder);
        SetAll(correct, "Version", "1");
        SetDates(correct, today);

        var read = Sample("GetContactCourse.xml");
        SetAll(read, "Cpr", CprTemplate.Placeholder);

        return new SoapEnvelopes(
            new CprTemplate(Text(register)), new CprTemplate(Text(correct)), new CprTemplate(Text(read)),
            RegistrationPageRequests.From(Sample("ListRegistrations.xml")), Encoding.UTF8.GetBytes(Text(Sample("Ping.xml"))), today);
    }

    /// <summary>The GetInterview sample asking for registration <paramref name="registrationId"/>.</summary>
    public static byte[] GetInterview(Guid registrationId)
    {
        var sample = Sample("GetInterview.xml");
        SetAll(sample, "RegistrationId", registrationId.ToString("D"));
        return Encoding.UTF8.GetBytes(Text(sample));
    }

    /// <summary>The ListRegistrations sample sent under another agreement, acting as <paramref name="kind"/> <paramref name="code"/>.</summary>
    public static RegistrationPageRequests ListRegistrationsAs(Guid agreementId, string kind, string code)
    {
        var sample = Sample("ListRegistrations.xml");
        SetAll(sample, "AgreementId", agreementId.ToString("D"));
        var acting = sample.Descendants(Contract + "ActingAuthority").Single();
        acting.Element(Contract + "Kind")!.Value = kind;
        acting.Element(Contract + "Code")!.Value = code;
        return RegistrationPageRequests.From(sample);
    }

    /// <summary>The element <paramref name="name"/> of the contract's namespace.</summary>
    public static XName Element(string name) => Contract + name;

    /// <summary>A sample as the benchmark sends it: no formatting whitespace added.</summary>
    public static string Text(XDocument document) => document.ToString(SaveOptions.DisableFormatting);

    // Interview held today, agreement deadline in two weeks, next contact in three weeks (no warnings).
    private static void SetDates(XDocument document, DateOnly today)
    {
        SetAll(document, "HeldOn", Date(today));
        SetAll(document, "Deadline", Date(today.AddDays(14)));
        SetAll(document, "PlannedOn", Date(today.AddDays(21)));
    }

    private static XDocument Sample(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("samples/" + name)
            ?? throw new InvalidOperationException($"The sample {name} is not embedded; see Gateway.Benchmarks.csproj.");
        return XDocument.Load(stream, LoadOptions.PreserveWhitespace);
    }

    private static void SetAll(XDocument document, string element, string value)
    {
        var found = document.Descendants(Contract + element).ToList();
        if (found.Count == 0)
        {
            throw new InvalidOperationException($"The sample has no {element} element; update the benchmark to the sample.");
        }

        found.ForEach(e => e.Value = value);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}
