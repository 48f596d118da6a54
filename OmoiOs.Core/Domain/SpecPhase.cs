using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>The pipeline's phases, in the order the workflow runs them.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SpecPhase>))]
public enum SpecPhase
{
    Explore,
    Requirements,
    Design,
    Tasks,
    Sync,
    Execute,
    Complete,
}
