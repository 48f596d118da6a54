using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Serialization;
using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>
/// An <see cref="IPlanner"/> backed by a chat model through <see cref="IChatClient"/>: it sends the phase prompt,
/// asks for JSON output and returns the model's text as the phase JSON with the call's token usage and cost.
/// Validating the JSON is the phase evaluator's job.
/// </summary>
public sealed class ChatPlanner : IPlanner
{
    private readonly IChatClient _chatClient;
    private readonly ChatPlannerSettings _settings;
    private readonly RepositoryScanner _scanner;
    private readonly ILogger<ChatPlanner> _logger;

    internal ChatPlanner(string name, IChatClient chatClient, ChatPlannerSettings settings, RepositoryScanner scanner, ILogger<ChatPlanner> logger)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        Name = name;
        _chatClient = chatClient;
        _settings = settings;
        _scanner = scanner;
        _logger = logger;
    }

    public string Name { get; }

    public async Task<PlannerReply> GenerateAsync(PhaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = PhasePromptBuilder.Build(request);
        var options = new ChatOptions
        {
            MaxOutputTokens = _settings.MaxOutputTokens,
            ResponseFormat = _settings.UseJsonSchema
                ? ChatResponseFormat.ForJsonSchema(
                    PhaseOutputSchemas.Schema(request.Phase),
                    PhaseOutputSchemas.SchemaName(request.Phase),
                    $"The {request.Phase.ToWire()} phase output of an OmoiOs spec.")
                : ChatResponseFormat.Json,
        };

        ChatResponse response;
        try
        {
            response = await _chatClient.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (ProviderFailures.Translate(Name, exception, _settings.TotalTimeout, cancellationToken) is { } failure)
        {
            throw failure;
        }

        var inputTokens = response.Usage?.InputTokenCount ?? 0;
        var outputTokens = response.Usage?.OutputTokenCount ?? 0;
        var usage = new PlannerUsage(inputTokens, outputTokens, _settings.Price.Cost(inputTokens, outputTokens), response.ModelId ?? _settings.Model);
        var json = JsonReplyExtractor.Extract(response.Text);
        if (request.Phase == SpecPhase.Explore)
        {
            json = ExploreFiles.Stamp(json, await ListFilesAsync(request.RepositoryPath, cancellationToken).ConfigureAwait(false));
        }
        if (!JsonReplyExtractor.IsJson(json))
        {
            _logger.LogWarning("Planner {Planner} answered {Phase} for spec {SpecId} with text that is not JSON; the evaluator will reject it.", Name, request.Phase.ToWire(), request.SpecId);
        }

        _logger.LogInformation(
            "Planner {Planner} ({Model}) answered {Phase} for spec {SpecId}: {InputTokens} input and {OutputTokens} output tokens, {CostUsd} USD.",
            Name,
            usage.Model,
            request.Phase.ToWire(),
            request.SpecId,
            usage.InputTokens,
            usage.OutputTokens,
            usage.CostUsd);
        return new PlannerReply(json, usage);
    }

    /// <summary>The scan's file list; none when the repository is not on this host (the grounding checks are then left out).</summary>
    private async Task<IReadOnlyList<string>> ListFilesAsync(string repositoryPath, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(repositoryPath))
        {
            return [];
        }

        var snapshot = await _scanner.ScanAsync(repositoryPath, cancellationToken).ConfigureAwait(false);
        return snapshot.Files.Select(f => f.Path).ToList();
    }
}
