using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Domain.Agreements;

namespace Gateway.Data.Agreements;

/// <summary>The JSON form of an amendment's changes in <c>agreement_history.changes</c> (migration 0013): camelCase names, fields by name, no value as null.</summary>
internal static class AgreementChangesJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write(IReadOnlyList<AgreementChange> changes) => JsonSerializer.Serialize(changes, Options);

    public static IReadOnlyList<AgreementChange> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<AgreementChange[]>(json, Options) ?? throw new JsonException("agreement_history.changes is null");
}
