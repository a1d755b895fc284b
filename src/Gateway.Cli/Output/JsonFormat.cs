using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Cli.Output;

/// <summary>The JSON gatewayctl writes with <c>--json</c>: camelCase names, enums as their names, dates as ISO 8601.</summary>
public static class JsonFormat
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
}
