using OmoiOs.Core.Errors;

namespace OmoiOs.Core.Application;

/// <summary>
/// An RFC 9457 problem: what both hosts answer for an error, so the same mistake gets the same status and body
/// everywhere. Never 500 for anything a client sent.
/// </summary>
public sealed record ApiProblem(string Type, string Title, int Status, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>The request that met the problem (RFC 9457 <c>instance</c>): its path, set by the host.</summary>
    public string? Instance { get; init; }

    public const string ContentType = "application/problem+json";

    public static ApiProblem From(Exception error) => error switch
    {
        ApiProblemException e => e.Problem,
        ValidationFailedException e => new("https://omoios.dev/problems/validation", "The request is not valid.", 400, e.Message, e.Errors),
        NotFoundException e => new("https://omoios.dev/problems/not-found", $"{e.Kind} not found.", 404, e.Message),
        ConflictException e => new("https://omoios.dev/problems/conflict", "The spec's state does not allow this.", 409, e.Message),
        InvalidTransitionException e => new("https://omoios.dev/problems/conflict", "The spec's state does not allow this.", 409, e.Message),
        ConcurrencyConflictException e => new("https://omoios.dev/problems/concurrency", "The record kept changing; try again.", 409, e.Message),
        StorageUnavailableException e => new("https://omoios.dev/problems/unavailable", "Storage is unavailable.", 503, e.Message),
        _ => new("https://omoios.dev/problems/internal", "An internal error occurred.", 500, "The server failed; see its log."),
    };

    /// <param name="field">The body's member at fault (e.g. <c>options.requireApproval[0]</c>), when the parser could tell.</param>
    public static ApiProblem MalformedBody(string detail, string? field = null) =>
        new("https://omoios.dev/problems/validation", "The request body is not valid JSON.", 400, detail, new Dictionary<string, string[]> { [field ?? "body"] = [detail] });

    public static ApiProblem TooLarge(long limit) =>
        new("https://omoios.dev/problems/too-large", "The request body is too large.", 413, $"Bodies are limited to {limit:N0} bytes.");

    /// <param name="part">The query parameter that makes the request's target longest, or <c>path</c>.</param>
    public static ApiProblem UriTooLong(string part, int length, int limit) =>
        new("https://omoios.dev/problems/too-large", "The request's URL is too long.", 414, $"The path and query are {length:N0} characters; the limit is {limit:N0}.", new Dictionary<string, string[]> { [part] = [$"makes the URL longer than {limit:N0} characters."] });

    public static ApiProblem HeadersTooLarge(string header, int length, int limit) =>
        new("https://omoios.dev/problems/too-large", "The request's headers are too large.", 431, $"The headers are {length:N0} characters; the limit is {limit:N0}.", new Dictionary<string, string[]> { [header] = [$"makes the headers larger than {limit:N0} characters."] });

    public static ApiProblem UnsupportedMediaType(string? contentType) =>
        new("https://omoios.dev/problems/media-type", "Unsupported content type.", 415, $"Expected application/json, got '{contentType ?? "none"}'.");

    public static ApiProblem NoRoute(string method, string path) =>
        new("https://omoios.dev/problems/not-found", "No such route.", 404, $"No route matches {method} {path}; the routes are listed in /api/openapi.json.");

    public static ApiProblem MethodNotAllowed(string method, string path) =>
        new("https://omoios.dev/problems/method-not-allowed", "Method not allowed.", 405, $"{method} is not allowed on {path}.");

    public static ApiProblem InvalidQuery(string field, string detail) =>
        new("https://omoios.dev/problems/validation", "The request is not valid.", 400, $"{field}: {detail}", new Dictionary<string, string[]> { [field] = [detail] });

    public static ApiProblem CrossSite(string detail) =>
        new("https://omoios.dev/problems/cross-site", "Cross-site request refused.", 403, detail);

    public static ApiProblem Unauthorized() =>
        new("https://omoios.dev/problems/unauthorized", "A bearer token is required.", 401, "Send the server's OMOI_API_TOKEN as 'Authorization: Bearer <token>'.");

    public static ApiProblem HostRefused() =>
        new("https://omoios.dev/problems/host", "Unknown host.", 400, "The Host header is missing or names a host this server does not serve (see OMOI_ALLOWED_HOSTS in docs/security.md).");
}
