using System.Text.Json;

namespace OmoiOs.Core.Application;

/// <summary>
/// The HTTP API's JSON, the same on both hosts: camelCase names, enums as their snake_case converters write them,
/// nulls kept, names matched case-insensitively on input.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
