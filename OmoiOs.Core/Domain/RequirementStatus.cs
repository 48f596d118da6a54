using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

[JsonConverter(typeof(SnakeCaseEnumConverter<RequirementStatus>))]
public enum RequirementStatus
{
    Pending,
    InProgress,
    Completed,
}
