using System.Text.Json;
using System.Text.Json.Nodes;

namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>
/// Puts the scan's file list into a model's EXPLORE answer: the list the later phases are checked against is a fact
/// of the repository, never the model's claim, so the schema the model sees leaves <c>files</c> out.
/// </summary>
internal static class ExploreFiles
{
    public const string Property = "files";

    /// <summary>The answer with <c>files</c> set to <paramref name="files"/>; an answer that is not a JSON object is returned as it is, for the evaluator to reject.</summary>
    public static string Stamp(string json, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(files);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }

        if (node is not JsonObject answer)
        {
            return json;
        }

        answer[Property] = new JsonArray(files.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        return answer.ToJsonString();
    }
}
