using System.Text;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Export;

/// <summary>The body of a design (components, data models, endpoints, and the prose sections) as Markdown sections.</summary>
internal static class DesignMarkdown
{
    public static void AppendBody(StringBuilder builder, DesignOutput design, SpecExportModel model)
    {
        if (design.Components.Count > 0)
        {
            builder.Line("## Components and Interfaces").Line();
            foreach (var component in design.Components)
            {
                AppendComponent(builder, component, model);
            }
        }

        if (design.DataModels.Count > 0)
        {
            builder.Line("## Data Models").Line();
            foreach (var dataModel in design.DataModels)
            {
                builder.Line($"### {Markdown.Inline(dataModel.Name)}").Line().Paragraph(dataModel.Description);
                if (dataModel.Fields.Count > 0)
                {
                    builder.Line("| Field | Type | Description |").Line("|---|---|---|");
                    foreach (var field in dataModel.Fields)
                    {
                        builder.Line($"| {Markdown.Cell(field.Name)} | {Markdown.Cell(field.Type)} | {Markdown.Cell(field.Description)} |");
                    }

                    builder.Line();
                }
            }
        }

        if (design.ApiEndpoints.Count > 0)
        {
            builder.Line("## API Endpoints").Line()
                .Line("| Method | Path | Auth | Request | Response | Errors |")
                .Line("|---|---|---|---|---|---|");
            foreach (var endpoint in design.ApiEndpoints)
            {
                builder.Line($"| {Markdown.Cell(endpoint.Method.ToUpperInvariant())} | {Markdown.Cell(endpoint.Path)} | {(endpoint.AuthRequired ? "yes" : "no")} "
                    + $"| {Markdown.Cell(endpoint.Request)} | {Markdown.Cell(endpoint.Response)} | {Markdown.Cell(string.Join(", ", endpoint.Errors))} |");
            }

            builder.Line();
        }

        AppendSection(builder, "Error Handling", design.ErrorHandling);
        AppendSection(builder, "Testing Strategy", design.TestingStrategy);
        AppendSection(builder, "Security Considerations", design.SecurityConsiderations);
    }

    private static void AppendComponent(StringBuilder builder, DesignComponent component, SpecExportModel model)
    {
        builder.Line($"### {Markdown.Inline(component.Name)}").Line();
        AppendField(builder, "Type", Markdown.Inline(component.Type));
        AppendField(builder, "File", component.FilePath.Length > 0 ? Markdown.Code(component.FilePath) : "");
        AppendField(builder, "Responsibility", Markdown.Inline(component.Responsibility));
        AppendField(builder, "Interfaces", string.Join(", ", component.Interfaces.Select(Markdown.Code)));
        AppendField(builder, "Depends on", string.Join(", ", component.Dependencies.Select(Markdown.Inline)));
        AppendField(builder, "Requirements", string.Join(", ", component.Requirements.Select(key =>
            model.RequirementNumber(key) is { } number ? $"{number} ({key})" : key)));
        builder.Line();
    }

    private static void AppendField(StringBuilder builder, string name, string value)
    {
        if (value.Length > 0)
        {
            builder.Line($"- **{name}:** {value}");
        }
    }

    private static void AppendSection(StringBuilder builder, string title, string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            builder.Line($"## {title}").Line().Paragraph(text);
        }
    }
}
