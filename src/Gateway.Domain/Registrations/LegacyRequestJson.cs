using System.Text.Json;

namespace Gateway.Domain.Registrations;

/// <summary>
/// Form v0 of a write's content: byte for byte the JSON that releases before form v1 hashed, which was
/// <c>JsonSerializer</c>'s serialization (enums by name) of an anonymous object holding the caller's pieces and the
/// <see cref="Interview"/> record itself. It is written out by hand here and frozen, so that the fingerprints those
/// releases stored in <c>write_request</c> stay recognisable whatever happens to the records later. Never change it:
/// its only purpose is to reproduce what is already stored; the goldens in the tests pin it. A property added to the
/// records later is not in it, which is right: a write stored by those releases cannot have had one.
/// </summary>
/// <remarks>
/// What the serializer did, and this repeats: properties in declaration order under their C# names (the anonymous
/// object's <c>interview</c>, <c>registrationId</c>, <c>version</c> and <c>reason</c> in lower case, as the variables
/// were named), nulls written as <c>null</c>, enums by name (by number when undefined), dates as <c>yyyy-MM-dd</c>, no
/// indentation, and the default encoder's escaping, which <see cref="Utf8JsonWriter"/> with default options shares.
/// </remarks>
internal static class LegacyRequestJson
{
    /// <summary>Form v0 of a RegisterInterview write.</summary>
    public static byte[] OfRegistration(Caller caller, Interview interview) =>
        Write(json =>
        {
            WriteCaller(json, "RegisterInterview", caller);
            WriteInterview(json, interview);
        });

    /// <summary>Form v0 of a CorrectInterview write.</summary>
    public static byte[] OfCorrection(Caller caller, Guid registrationId, int version, string reason, Interview interview) =>
        Write(json =>
        {
            WriteCaller(json, "CorrectInterview", caller);
            WriteChange(json, registrationId, version, reason);
            WriteInterview(json, interview);
        });

    /// <summary>Form v0 of a CancelInterview write.</summary>
    public static byte[] OfCancellation(Caller caller, Guid registrationId, int version, string reason) =>
        Write(json =>
        {
            WriteCaller(json, "CancelInterview", caller);
            WriteChange(json, registrationId, version, reason);
        });

    private static byte[] Write(Action<Utf8JsonWriter> properties)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            properties(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteCaller(Utf8JsonWriter json, string operation, Caller caller)
    {
        json.WriteString("Operation", operation);
        json.WritePropertyName("ActingAuthority");
        WriteAuthority(json, caller.ActingAuthority);
        json.WritePropertyName("Principal");
        if (caller.Principal is { } principal)
        {
            WriteAuthority(json, principal);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteString("CaseWorkerId", caller.CaseWorkerId);
    }

    private static void WriteAuthority(Utf8JsonWriter json, Identifiers.AuthorityId authority)
    {
        json.WriteStartObject();
        WriteCode(json, "Kind", authority.Kind);
        json.WriteString("Code", authority.Code);
        json.WriteEndObject();
    }

    private static void WriteChange(Utf8JsonWriter json, Guid registrationId, int version, string reason)
    {
        json.WriteString("registrationId", registrationId);
        json.WriteNumber("version", version);
        json.WriteString("reason", reason);
    }

    private static void WriteInterview(Utf8JsonWriter json, Interview interview)
    {
        json.WriteStartObject("interview");
        json.WriteString("Cpr", interview.Cpr);
        WriteCode(json, "CaseType", interview.CaseType);
        WriteDate(json, "HeldOn", interview.HeldOn);
        WriteCode(json, "Type", interview.Type);
        WriteCode(json, "Form", interview.Form);
        WriteCode(json, "MatchCategory", interview.MatchCategory);

        json.WriteStartArray("EmploymentGoals");
        foreach (var goal in interview.EmploymentGoals)
        {
            json.WriteStartObject();
            json.WriteString("OccupationCode", goal.OccupationCode);
            json.WriteString("Text", goal.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        if (interview.RoughMatch is { } roughMatch)
        {
            json.WriteStartObject("RoughMatch");
            WriteCode(json, "Outcome", roughMatch.Outcome);
            json.WriteStartArray("OccupationCodes");
            foreach (var code in roughMatch.OccupationCodes)
            {
                json.WriteStringValue(code);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("RoughMatch");
        }

        json.WriteStartObject("FurtherCourse");
        json.WriteStartArray("Agreements");
        foreach (var agreement in interview.FurtherCourse.Agreements)
        {
            json.WriteStartObject();
            WriteCode(json, "Kind", agreement.Kind);
            json.WriteString("Text", agreement.Text);
            WriteDate(json, "Deadline", agreement.Deadline);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("NoAgreementReason", interview.FurtherCourse.NoAgreementReason);
        json.WriteEndObject();

        if (interview.Offers is { } offers)
        {
            json.WriteStartArray("Offers");
            foreach (var offer in offers)
            {
                json.WriteStartObject();
                WriteCode(json, "Kind", offer.Kind);
                WriteCode(json, "Status", offer.Status);
                WriteDate(json, "StartDate", offer.StartDate);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("Offers");
        }

        WriteCode(json, "CvStatus", interview.CvStatus);
        json.WriteStartObject("NextContact");
        WriteDate(json, "PlannedOn", interview.NextContact.PlannedOn);
        WriteCode(json, "EndReason", interview.NextContact.EndReason);
        json.WriteEndObject();

        if (interview.JobSearchBehaviour is { } behaviour)
        {
            json.WriteStartObject("JobSearchBehaviour");
            WriteCode(json, "Assessment", behaviour.Assessment);
            json.WriteString("Text", behaviour.Text);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("JobSearchBehaviour");
        }

        json.WriteString("CitizenComments", interview.CitizenComments);
        json.WriteEndObject();
    }

    // JsonStringEnumConverter wrote a defined member by its name and anything else by its number.
    private static void WriteCode<T>(Utf8JsonWriter json, string name, T? value) where T : struct, Enum
    {
        if (value is { } code)
        {
            WriteCode(json, name, code);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteCode<T>(Utf8JsonWriter json, string name, T code) where T : struct, Enum
    {
        if (Enum.IsDefined(code))
        {
            json.WriteString(name, code.ToString());
        }
        else
        {
            json.WriteNumber(name, Convert.ToInt64(code, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? value)
    {
        if (value is { } date)
        {
            json.WriteString(name, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
