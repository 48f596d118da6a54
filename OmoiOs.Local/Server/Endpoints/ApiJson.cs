using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary>The API's JSON: camelCase names, enums as their snake_case converters write them, nulls kept.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
