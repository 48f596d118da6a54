using OmoiOs.Core.Application;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary>Typed query-string values, with a 400 naming the parameter when one is malformed.</summary>
internal static class Query
{
    public static int PageSize(HttpRequest request) => Int(request, "pageSize", 100, 1, 1000);

    public static long After(HttpRequest request)
    {
        var text = request.Query["after"].ToString();
        if (text.Length == 0)
        {
            return 0;
        }

        return long.TryParse(text, out var after) && after >= 0
            ? after
            : throw new ApiProblemException(ApiProblem.InvalidQuery("after", "must be a whole number, 0 or more."));
    }

    public static int Int(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new ApiProblemException(ApiProblem.InvalidQuery(name, $"must be a whole number from {min} to {max}."));
    }
}
