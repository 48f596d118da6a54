using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Export;

/// <summary>The spec file layouts people already use.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SpecExportFormat>))]
public enum SpecExportFormat
{
    /// <summary><c>.kiro/specs/&lt;feature&gt;/</c> requirements.md, design.md, tasks.md.</summary>
    Kiro,

    /// <summary>GitHub spec-kit: <c>specs/001-&lt;feature&gt;/</c> spec.md, plan.md, tasks.md.</summary>
    Speckit,
}
