namespace OmoiOs.Core.Planning.Outputs;

/// <summary>DESIGN: the components, data models and endpoints the feature needs.</summary>
public record DesignOutput
{
    public string ArchitectureOverview { get; init; } = "";

    public IReadOnlyList<DesignComponent> Components { get; init; } = [];

    public IReadOnlyList<DataModel> DataModels { get; init; } = [];

    public IReadOnlyList<ApiEndpoint> ApiEndpoints { get; init; } = [];

    public string ErrorHandling { get; init; } = "";

    public string TestingStrategy { get; init; } = "";

    public string SecurityConsiderations { get; init; } = "";
}

public sealed record DesignComponent
{
    public string Name { get; init; } = "";

    public string Type { get; init; } = "";

    public string FilePath { get; init; } = "";

    public string Responsibility { get; init; } = "";

    public IReadOnlyList<string> Interfaces { get; init; } = [];

    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>Requirement ids this component serves.</summary>
    public IReadOnlyList<string> Requirements { get; init; } = [];
}

public sealed record DataModel
{
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public IReadOnlyList<DataField> Fields { get; init; } = [];
}

public sealed record DataField(string Name, string Type, string Description = "");

public sealed record ApiEndpoint
{
    public string Method { get; init; } = "";

    public string Path { get; init; } = "";

    public bool AuthRequired { get; init; }

    public string Request { get; init; } = "";

    public string Response { get; init; } = "";

    public IReadOnlyList<string> Errors { get; init; } = [];
}
