using OmoiOs.Core.Application;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary>Hands query-string values to Core's <see cref="ApiQuery"/>, which answers a malformed one with a 400 naming it.</summary>
internal static class Query
{
    public static int PageSize(HttpRequest request) => ApiQuery.PageSize(request.Query["pageSize"]);

    public static long After(HttpRequest request) => ApiQuery.After(request.Query["after"]);

    public static int Int(HttpRequest request, string name, int fallback, int min, int max) =>
        ApiQuery.Number(name, request.Query[name], fallback, min, max);

    public static string? SpecId(HttpRequest request) => ApiQuery.SpecId(request.Query["specId"]);
}
