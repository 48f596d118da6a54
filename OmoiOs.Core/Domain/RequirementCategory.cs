using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>The category part of a requirement key <c>REQ-&lt;FEATURE&gt;-&lt;CATEGORY&gt;-NNN</c>.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<RequirementCategory>))]
public enum RequirementCategory
{
    Functional,
    Performance,
    Security,
    Usability,
    Reliability,
    Constraint,
}
