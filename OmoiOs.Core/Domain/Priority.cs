using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

[JsonConverter(typeof(SnakeCaseEnumConverter<Priority>))]
public enum Priority
{
    Critical,
    High,
    Medium,
    Low,
}
