using System.Collections.Concurrent;
using System.Text.Json;
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

    public static JsonElement Schema(SpecPhase phase) =>
        Schemas.GetOrAdd(phase, static p => JsonSerializer.SerializeToElement(
            SerializerOptions.GetJsonSchemaAsNode(OutputType(p), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true })));

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
