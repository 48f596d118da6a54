using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>The EARS templates (Mavin et al.).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<EarsPattern>))]
public enum EarsPattern
{
    Ubiquitous,
    EventDriven,
    StateDriven,
    UnwantedBehaviour,
    OptionalFeature,
    Complex,
}
