using System.Text.Json;

namespace OmoiOs.Functions.Http;

/// <summary>The JSON shape of every HTTP response (see API.md): camelCase names.</summary>
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
