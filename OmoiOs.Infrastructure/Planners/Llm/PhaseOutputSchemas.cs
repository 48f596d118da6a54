using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>
/// The JSON shape of each planned phase, described from the Core output records: snake_case property names
/// (the reference system's field names) and snake_case enum values.
/// </summary>
internal static class PhaseOutputSchemas
{
    private static readonly ConcurrentDictionary<SpecPhase, JsonElement> Schemas = new();

    public static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    public static Type OutputType(SpecPhase phase) => phase switch
    {
        SpecPhase.Explore => typeof(ExploreOutput),
        SpecPhase.Requirements => typeof(RequirementsOutput),
        SpecPhase.Design => typeof(DesignOutput),
        SpecPhase.Tasks => typeof(TasksOutput),
        SpecPhase.Sync => typeof(SyncOutput),
        _ => throw new ValidationFailedException("phase", $"Phase '{phase.ToWire()}' is not planned; planners produce explore, requirements, design, tasks and sync."),
    };

    /// <summary>The name given to the schema in a structured-output request, e.g. <c>requirements_output</c>.</summary>
    public static string SchemaName(SpecPhase phase) => $"{phase.ToWire()}_output";

    /// <summary>The phase's schema; EXPLORE's leaves out <c>files</c>, which the planner fills from its scan (<see cref="ExploreFiles"/>).</summary>
    public static JsonElement Schema(SpecPhase phase) =>
        Schemas.GetOrAdd(phase, static p =>
        {
            var schema = SerializerOptions.GetJsonSchemaAsNode(OutputType(p), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
            if (p == SpecPhase.Explore && schema["properties"] is JsonObject properties)
            {
                properties.Remove(ExploreFiles.Property);
                if (schema["required"] is JsonArray required)
                {
                    foreach (var item in required.Where(r => r?.GetValue<string>() == ExploreFiles.Property).ToList())
                    {
                        required.Remove(item);
                    }
                }
            }

            return JsonSerializer.SerializeToElement(schema);
        });

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
