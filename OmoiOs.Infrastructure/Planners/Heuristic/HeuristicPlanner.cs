using System.Text.Json;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// The default planner: offline, deterministic, no key. EXPLORE scans the repository; REQUIREMENTS, DESIGN and
/// TASKS are derived from the spec text, the earlier phases' outputs and the scan by the pure rules beside
/// this class. A phase whose earlier outputs are missing derives them again, so each phase
/// can run on its own. Same repository and spec, same JSON, byte for byte (apart from the scan's elapsed time).
/// </summary>
public sealed class HeuristicPlanner(RepositoryScanner scanner) : IPlanner
{
    public const string PlannerName = "heuristic";

    private const string UntitledFeature = "Feature";

    public string Name => PlannerName;

    public async Task<PlannerReply> GenerateAsync(PhaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Description))
        {
            throw new ValidationFailedException("description", "the spec has no description to plan from");
        }

        var title = string.IsNullOrWhiteSpace(request.Title) ? UntitledFeature : request.Title.Trim();
        var feedback = PlannerFeedback.Parse(request.Feedback);
        var json = request.Phase switch
        {
            SpecPhase.Explore => Serialize(HeuristicExploreWriter.Write(await ScanAsync(request, cancellationToken).ConfigureAwait(false), title, request.Description), PlanningJsonContext.Default.ExploreOutput),
            SpecPhase.Requirements => Serialize(Requirements(request, title, feedback), PlanningJsonContext.Default.RequirementsOutput),
            SpecPhase.Design => Serialize(Design(request, title, feedback, await ProfileAsync(request, cancellationToken).ConfigureAwait(false)), PlanningJsonContext.Default.DesignOutput),
            SpecPhase.Tasks => Serialize(await TasksAsync(request, title, feedback, cancellationToken).ConfigureAwait(false), PlanningJsonContext.Default.TasksOutput),
            _ => throw new ValidationFailedException("phase", $"the heuristic planner writes explore, requirements, design and tasks, not {request.Phase}"),
        };
        return new PlannerReply(json, PlannerUsage.None(PlannerName));
    }

    private static RequirementsOutput Requirements(PhaseRequest request, string title, PlannerFeedback feedback) =>
        request.Phase != SpecPhase.Requirements && request.Requirements is { Requirements.Count: > 0 } given
            ? given
            : HeuristicRequirementsWriter.Write(title, request.Description, feedback);

    private static DesignOutput Design(PhaseRequest request, string title, PlannerFeedback feedback, RepositoryProfile profile) =>
        request.Phase != SpecPhase.Design && request.Design is { Components.Count: > 0 } given
            ? given
            : HeuristicDesignWriter.Write(title, Requirements(request, title, feedback), profile, SpecNamedFiles(request, profile));

    private async Task<TasksOutput> TasksAsync(PhaseRequest request, string title, PlannerFeedback feedback, CancellationToken cancellationToken)
    {
        var profile = await ProfileAsync(request, cancellationToken).ConfigureAwait(false);
        return HeuristicTaskWriter.Write(title, Requirements(request, title, feedback), Design(request, title, feedback, profile), profile, feedback, SpecNamedFiles(request, profile));
    }

    /// <summary>The existing files the spec names, found the way the evaluators find them.</summary>
    private static IReadOnlyList<string> SpecNamedFiles(PhaseRequest request, RepositoryProfile profile) =>
        SpecFileReferences.Find($"{request.Title}\n{request.Description}", profile.Tree);

    private Task<RepositorySnapshot> ScanAsync(PhaseRequest request, CancellationToken cancellationToken) =>
        scanner.ScanAsync(request.RepositoryPath, cancellationToken);

    private async Task<RepositoryProfile> ProfileAsync(PhaseRequest request, CancellationToken cancellationToken) =>
        RepositoryProfiler.Profile(await ScanAsync(request, cancellationToken).ConfigureAwait(false));

    private static string Serialize<T>(T output, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Serialize(output, typeInfo);
}
