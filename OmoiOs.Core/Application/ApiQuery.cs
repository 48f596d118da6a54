using OmoiOs.Core.Domain;
using OmoiOs.Core.Export;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Application;

/// <summary>
/// Typed query-string values of the HTTP API, for both hosts: each takes the raw text (null or empty when absent)
/// and throws <see cref="ApiProblemException"/> with a 400 naming the parameter when it is malformed.
/// </summary>
public static class ApiQuery
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static int PageSize(string? text) => Number("pageSize", text, DefaultPageSize, 1, MaxPageSize);

    /// <summary>The <c>after</c> sequence number of the events route: 0 when absent.</summary>
    public static long After(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        return long.TryParse(text, out var after) && after >= 0
            ? after
            : throw new ApiProblemException(ApiProblem.InvalidQuery("after", "must be a whole number, 0 or more."));
    }

    public static int Number(string name, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new ApiProblemException(ApiProblem.InvalidQuery(name, $"must be a whole number from {min} to {max}."));
    }

    /// <summary>The <c>specId</c> filter of the ticket and task lists: null when absent.</summary>
    public static string? SpecId(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : RecordIds.IsSpecId(text) ? text
        : throw new ApiProblemException(ApiProblem.InvalidQuery("specId", $"'{text}' is not a spec id."));

    /// <summary>The export's <c>format</c>: kiro when absent.</summary>
    public static SpecExportFormat ExportFormat(string? text) =>
        EnumNames.TryParseWire<SpecExportFormat>(string.IsNullOrEmpty(text) ? SpecExportFormat.Kiro.ToWire() : text, out var format)
            ? format
            : throw new ApiProblemException(ApiProblem.InvalidQuery("format", "must be kiro or speckit."));

    /// <summary>The exported file <c>?file=</c> names, by its path or its last segments.</summary>
    public static ExportFile ExportFile(IReadOnlyList<ExportFile> files, string name)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.FirstOrDefault(f => f.Path == name || f.Path.EndsWith("/" + name, StringComparison.Ordinal))
            ?? throw new ApiProblemException(ApiProblem.InvalidQuery("file", $"must be one of {string.Join(", ", files.Select(f => f.Path))}."));
    }
}
