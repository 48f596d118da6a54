using System.Text;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Export;

/// <summary>
/// The Kiro layout: <c>.kiro/specs/&lt;feature&gt;/requirements.md</c> (user stories and EARS acceptance criteria
/// numbered N.M), <c>design.md</c>, and <c>tasks.md</c> (checkboxes with <c>_Requirements: 1.1, 1.2_</c>).
/// </summary>
public static class KiroExporter
{
    public static IReadOnlyList<ExportFile> Export(SpecExportSource source)
    {
        var model = new SpecExportModel(source);
        var folder = $".kiro/specs/{model.Slug}";
        return
        [
            new ExportFile($"{folder}/requirements.md", Requirements(model)),
            new ExportFile($"{folder}/design.md", Design(model)),
            new ExportFile($"{folder}/tasks.md", Tasks(model)),
        ];
    }

    private static string Requirements(SpecExportModel model)
    {
        var builder = new StringBuilder()
            .Line("# Requirements Document").Line()
            .Line("## Introduction").Line()
            .Paragraph(model.Spec.Description)
            .Line("## Requirements").Line();
        foreach (var (number, requirement, criteria) in model.Requirements)
        {
            builder.Line($"### Requirement {number}: {Markdown.Inline(requirement.Title)}").Line()
                .Line($"**Key:** {requirement.Key} · **Pattern:** {requirement.Pattern.ToWire()} · **Priority:** {requirement.Priority.ToWire()}").Line()
                .Line($"**User Story:** {SpecExportModel.UserStory(requirement)}").Line()
                .Line($"**Requirement:** {Markdown.Inline(requirement.Text)}").Line()
                .Line("#### Acceptance Criteria").Line();
            foreach (var criterion in criteria)
            {
                builder.Line($"- {number}.{criterion.Ordinal} {Markdown.Inline(criterion.Text)}");
            }

            builder.Line();
        }

        return Markdown.Finish(builder);
    }

    private static string Design(SpecExportModel model)
    {
        var builder = new StringBuilder().Line("# Design Document").Line();
        if (model.Design is not { } design)
        {
            return Markdown.Finish(builder.Line("_No design has been recorded for this spec._"));
        }

        builder.Line("## Overview").Line().Paragraph(design.ArchitectureOverview);
        DesignMarkdown.AppendBody(builder, design, model);
        return Markdown.Finish(builder);
    }

    private static string Tasks(SpecExportModel model)
    {
        var builder = new StringBuilder().Line("# Implementation Plan").Line();
        foreach (var (task, _) in model.Tasks)
        {
            builder.Line($"- [{(task.Status == SpecTaskStatus.Completed ? "x" : " ")}] {model.TaskNumber(task.Id)}. {Markdown.Inline(task.Title)}");
            if (!string.IsNullOrWhiteSpace(task.Description))
            {
                builder.Line($"  - {Markdown.Inline(task.Description)}");
            }

            var files = task.FilesToCreate.Select(f => $"{Markdown.Code(f)} (new)").Concat(task.FilesToModify.Select(Markdown.Code)).ToList();
            if (files.Count > 0)
            {
                builder.Line($"  - Files: {string.Join(", ", files)}");
            }

            var dependencies = task.DependsOn.Select(model.TaskNumber).OfType<int>().ToList();
            if (dependencies.Count > 0)
            {
                builder.Line($"  - Depends on: {string.Join(", ", dependencies)}");
            }

            var references = CriterionReferences(task, model);
            if (references.Count > 0)
            {
                builder.Line($"  - _Requirements: {string.Join(", ", references)}_");
            }

            builder.Line();
        }

        return Markdown.Finish(builder);
    }

    /// <summary>Tasks address whole requirements, so a task refers to every criterion (N.M) of each; N alone when it has none.</summary>
    private static List<string> CriterionReferences(SpecTask task, SpecExportModel model)
    {
        var references = new List<string>();
        foreach (var number in task.Requirements.Select(model.RequirementNumber).OfType<int>().Distinct().Order())
        {
            var criteria = model.Requirements[number - 1].Criteria;
            references.AddRange(criteria.Count == 0 ? [$"{number}"] : criteria.Select(c => $"{number}.{c.Ordinal}"));
        }

        return references;
    }
}
