using System.Text;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Export;

/// <summary>
/// The GitHub spec-kit layout: <c>specs/001-&lt;feature&gt;/spec.md</c> (user stories, <c>FR-NNN</c> requirements),
/// <c>plan.md</c>, and <c>tasks.md</c> with lines <c>- [ ] T012 [P] [US1] title in path</c>, where [P] comes from the
/// real dependency graph and file ownership.
/// </summary>
public static class SpecKitExporter
{
    public static IReadOnlyList<ExportFile> Export(SpecExportSource source)
    {
        var model = new SpecExportModel(source);
        var folder = $"specs/001-{model.Slug}";
        return
        [
            new ExportFile($"{folder}/spec.md", Spec(model)),
            new ExportFile($"{folder}/plan.md", Plan(model)),
            new ExportFile($"{folder}/tasks.md", Tasks(model, folder)),
        ];
    }

    private static string Spec(SpecExportModel model)
    {
        var builder = new StringBuilder()
            .Line($"# Feature Specification: {Markdown.Inline(model.Spec.Title)}").Line()
            .Line($"**Feature Branch**: `{model.Spec.Branch}`").Line()
            .Line($"**Status**: {model.Spec.Status.ToWire()}").Line()
            .Line($"**Input**: {Markdown.Inline(model.Spec.Description)}").Line()
            .Line("## User Scenarios & Testing").Line();
        foreach (var (number, requirement, criteria) in model.Requirements)
        {
            builder.Line($"### User Story {number} - {Markdown.Inline(requirement.Title)} (Priority: P{(int)requirement.Priority + 1})").Line()
                .Line(SpecExportModel.UserStory(requirement)).Line();
            if (criteria.Count > 0)
            {
                builder.Line("**Acceptance Scenarios**:").Line();
                foreach (var criterion in criteria)
                {
                    builder.Line($"{criterion.Ordinal}. {Markdown.Inline(criterion.Text)}");
                }

                builder.Line();
            }
        }

        builder.Line("## Requirements").Line().Line("### Functional Requirements").Line();
        foreach (var (number, requirement, _) in model.Requirements)
        {
            builder.Line($"- **FR-{number:D3}**: {Markdown.Inline(requirement.Text)} ({requirement.Key})");
        }

        return Markdown.Finish(builder);
    }

    private static string Plan(SpecExportModel model)
    {
        var builder = new StringBuilder()
            .Line($"# Implementation Plan: {Markdown.Inline(model.Spec.Title)}").Line()
            .Line($"**Branch**: `{model.Spec.Branch}` | **Spec**: [spec.md](spec.md)").Line();
        if (model.Design is not { } design)
        {
            return Markdown.Finish(builder.Line("_No design has been recorded for this spec._"));
        }

        builder.Line("## Summary").Line().Paragraph(design.ArchitectureOverview);
        DesignMarkdown.AppendBody(builder, design, model);
        return Markdown.Finish(builder);
    }

    private static string Tasks(SpecExportModel model, string folder)
    {
        var builder = new StringBuilder()
            .Line($"# Tasks: {Markdown.Inline(model.Spec.Title)}").Line()
            .Line($"**Input**: Design documents from `{folder}/`").Line()
            .Line("**[P]**: can run in parallel with another task of its phase (no dependency between them, no file in common)").Line();
        for (var phase = 0; phase < model.TaskGroups.Count; phase++)
        {
            builder.Line(phase == 0 ? "## Phase 1 (no dependencies)" : $"## Phase {phase + 1} (after phase {phase})").Line();
            foreach (var (task, parallel) in model.TaskGroups[phase])
            {
                builder.Line(TaskLine(task, parallel, model));
            }

            builder.Line();
        }

        return Markdown.Finish(builder);
    }

    private static string TaskLine(SpecTask task, bool parallel, SpecExportModel model)
    {
        var line = new StringBuilder()
            .Append($"- [{(task.Status == SpecTaskStatus.Completed ? "X" : " ")}] T{model.TaskNumber(task.Id):D3}")
            .Append(parallel ? " [P]" : "");
        foreach (var story in task.Requirements.Select(model.RequirementNumber).OfType<int>().Distinct().Order())
        {
            line.Append($" [US{story}]");
        }

        line.Append(' ').Append(Markdown.Inline(task.Title));
        var files = task.FilesToCreate.Concat(task.FilesToModify).Distinct(StringComparer.Ordinal).ToList();
        if (files.Count > 0)
        {
            line.Append(" in ").Append(string.Join(", ", files));
        }

        var dependencies = task.DependsOn.Select(model.TaskNumber).OfType<int>().Select(n => $"T{n:D3}").ToList();
        if (dependencies.Count > 0)
        {
            line.Append(" (depends on ").Append(string.Join(", ", dependencies)).Append(')');
        }

        return line.ToString();
    }
}
