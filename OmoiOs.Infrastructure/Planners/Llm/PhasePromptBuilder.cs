using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>
/// Builds the two messages of a phase call: a system message with the planner's role and the phase's JSON schema,
/// and a user message with the spec (for EXPLORE, an outline of the repository), the outputs of earlier phases and the
/// evaluator's feedback on the last attempt.
/// </summary>
internal static class PhasePromptBuilder
{
    public static IReadOnlyList<ChatMessage> Build(PhaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return
        [
            new ChatMessage(ChatRole.System, SystemPrompt(request.Phase)),
            new ChatMessage(ChatRole.User, UserPrompt(request)),
        ];
    }

    private static string SystemPrompt(SpecPhase phase)
    {
        var schema = JsonSerializer.Serialize(PhaseOutputSchemas.Schema(phase));
        return $"""
            You are the {phase.ToWire().ToUpperInvariant()} planner of OmoiOs, a spec-driven development orchestrator that turns a feature request into requirements, a design and an executable task graph.
            {Task(phase)}
            Answer with exactly one JSON object and nothing else: no prose, no Markdown fences. Use snake_case property names and enum values exactly as the schema gives them.
            JSON schema of the answer:
            {schema}
            """;
    }

    private static string Task(SpecPhase phase) => phase switch
    {
        SpecPhase.Explore =>
            "Describe the target repository (what it is, its stack, structure, key files and conventions) and the feature: its name, problem statement, what is in and out of scope, and the questions still open.",
        SpecPhase.Requirements =>
            "Write the feature's requirements in EARS form (The/When/While/If…then/Where …, the system shall …) with exactly one \"shall\" each and no vague words. "
            + "Ids are REQ-<FEATURE>-<FUNC|PERF|SEC|USE|REL|CON>-NNN. Put the clause before \"shall\" in condition and the response in action. Give each requirement at least two testable acceptance criteria.",
        SpecPhase.Design =>
            "Design what the requirements need: components (with file paths, responsibilities, interfaces and the requirement ids each serves), data models, API endpoints, error handling, testing strategy and security considerations.",
        SpecPhase.Tasks =>
            "Break the design into tasks with ids TSK-001, TSK-002, …; each takes 1 to 4 estimated hours, depends_on names only other task ids without cycles, requirements_addressed names requirement ids, "
            + "and each task lists the files it creates or modifies and its acceptance criteria. Give the critical path as task ids.",
        SpecPhase.Sync =>
            "Check the plan: every requirement covered by a task, no circular task dependencies, every referenced id valid. Report coverage per requirement, the dependency analysis, blockers and whether the plan is ready for execution.",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "This phase is not planned."),
    };

    private static string UserPrompt(PhaseRequest request)
    {
        var prompt = new StringBuilder()
            .AppendLine("# Spec")
            .AppendLine($"Id: {request.SpecId}")
            .AppendLine($"Title: {request.Title}")
            .AppendLine($"Repository: {request.RepositoryPath}")
            .AppendLine("Description:")
            .AppendLine(request.Description);

        if (request.Phase == SpecPhase.Explore)
        {
            prompt.AppendLine()
                .AppendLine("# Repository")
                .AppendLine(RepositoryOutline.Describe(request.RepositoryPath));
        }

        // The file list goes once, in the grounding section, rather than again inside EXPLORE's output.
        AppendOutput(prompt, SpecPhase.Explore, request.Explore is { } explore ? explore with { Files = [] } : null);
        AppendOutput(prompt, SpecPhase.Requirements, request.Requirements);
        AppendOutput(prompt, SpecPhase.Design, request.Design);
        AppendOutput(prompt, SpecPhase.Tasks, request.Tasks);

        if (GroundingPrompt.For(request) is { } grounding)
        {
            prompt.AppendLine().Append(grounding);
        }

        if (!string.IsNullOrWhiteSpace(request.Feedback))
        {
            prompt.AppendLine()
                .AppendLine($"# Feedback on attempt {Math.Max(1, request.Attempt - 1)}")
                .AppendLine("Your previous answer was rejected. Fix every point below and answer again with the complete JSON object:")
                .AppendLine(request.Feedback);
        }

        return prompt.AppendLine()
            .Append($"Produce the {request.Phase.ToWire().ToUpperInvariant()} output now.")
            .ToString();
    }

    private static void AppendOutput<TOutput>(StringBuilder prompt, SpecPhase phase, TOutput? output)
        where TOutput : class
    {
        if (output is null)
        {
            return;
        }

        prompt.AppendLine()
            .AppendLine($"# {phase.ToWire().ToUpperInvariant()} output")
            .AppendLine(JsonSerializer.Serialize(output, PhaseOutputSchemas.SerializerOptions));
    }
}
