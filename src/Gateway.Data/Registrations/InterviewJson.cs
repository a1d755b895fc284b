using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Domain.Registrations;

namespace Gateway.Data.Registrations;

/// <summary>The JSON form of the registered items in <c>registration_version.items</c>: code lists by their published names.</summary>
internal static class InterviewJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(Interview interview) => JsonSerializer.Serialize(interview, Options);

    public static Interview Read(string json) =>
        JsonSerializer.Deserialize<Interview>(json, Options) ?? throw new JsonException("registration_version.items is null");

    public static string WriteReceipt(Receipt receipt) => JsonSerializer.Serialize(receipt, Options);

    public static Receipt ReadReceipt(string json) =>
        JsonSerializer.Deserialize<Receipt>(json, Options) ?? throw new JsonException("write_request.receipt is null");
}
