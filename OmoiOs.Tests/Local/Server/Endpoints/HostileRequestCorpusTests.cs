using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using CsCheck;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Tests.Support;
using Xunit.Abstractions;

namespace OmoiOs.Tests.Local.Server.Endpoints;

/// <summary>
/// A generated corpus of malformed and hostile requests (CsCheck) against every route the local server maps, read from
/// its own endpoint data source so a new route is covered without editing this test: no answer is a 5xx, every 4xx is a
/// problem naming the field (a 400's <c>errors</c>) or the route parameter (a 404's detail), no write is accepted, and
/// the records table is the same afterwards.
/// </summary>
[Collection(AzuriteGroup.Name)]
[Trait("Category", "Faults")]
public sealed class HostileRequestCorpusTests(ITestOutputHelper output)
{
    private const int RequestsPerRoute = 16;
    private const int MinimumCorpus = 300;

    private static readonly string[] QueryNames = ["pageSize", "continuationToken", "specId", "format", "file", "after", "max"];
    private static readonly string[] WrongMethods = ["PUT", "DELETE", "PATCH"];
    private static readonly string[] BodyFields = ["title", "description", "repository", "options", "gate", "approved", "comment", "taskIds"];

    private static readonly Gen<string> Garbage = Gen.String[Gen.Char[' ', '~'], 0, 40];

    // Ids no record has: forged, quoted, traversing, huge, non-ASCII, empty-looking.
    private static readonly Gen<string> HostileId = Gen.OneOf(
        Garbage.Where(s => s.Trim().Length > 0),
        Gen.Const("spec-000000000000"),
        Gen.Const("spec-x' or PartitionKey ne '"),
        Gen.Const("../../etc/passwd"),
        Gen.Const(".."),
        Gen.Const("%00"),
        Gen.Const("task-spec-000000000000-tsk-001"),
        Gen.Const("ticket-000000000000"),
        Gen.Const("spécification-ü-😀"),
        Gen.Int[300, 20_000].Select(n => new string('a', n)),
        Gen.Const("spec-"),
        Gen.Const("*"));

    private static readonly Gen<string> HostileQueryValue = Gen.OneOf(
        Garbage,
        Gen.OneOf("-1", "0", "1001", "99999999999999999999", "1e9", "abc", "", " ", "null", "[]", "{}", "'", "../../x", "kiro\u0000", "%ZZ"),
        // Past the API's 8 KB URL limit, yet inside Kestrel's own (64 KB), past which Kestrel answers a bare 414.
        Gen.Int[500, 20_000].Select(n => new string('9', n)));

    // Bodies no route accepts: broken syntax, the wrong JSON kind, known fields with the wrong types, hostile values, depth.
    private static readonly Gen<string> HostileBody = Gen.OneOf(
        Gen.OneOf("{", "}", "{\"title\":", "{'title':'x'}", "nul", "\"unterminated", "{\"a\":1,}", "\u0000", "{\"title\":\"x\"}}"),
        Gen.OneOf("[]", "[1,2]", "42", "\"text\"", "true"),
        Gen.Select(Gen.OneOf(BodyFields), Gen.OneOf("[]", "{}", "42", "true", "[[[]]]", "{\"$ref\":\"x\"}"), (field, value) => $"{{\"{field}\":{value}}}"),
        Gen.Select(Garbage, Gen.OneOf("/etc", "../../..", "/proc/self/root", "file:///etc/passwd", "ext::sh -c id", "--upload-pack=touch /tmp/x", ""), (title, repository) =>
            JsonSerializer.Serialize(new { title, description = "x", repository })),
        Gen.Select(Gen.OneOf("", " ", "\t"), title => JsonSerializer.Serialize(new { title, description = "", repository = "" })),
        Gen.Int[200, 2000].Select(depth => new string('[', depth) + new string(']', depth)),
        Gen.Int[200, 2000].Select(depth => string.Concat(Enumerable.Repeat("{\"options\":", depth)) + "1" + new string('}', depth)));

    private static readonly Gen<string?> HostileContentType = Gen.OneOf<string?>(
        "application/json", "application/json", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", null, "application/json; charset=\"", "*/*");

    [Fact]
    public async Task EveryRoute_MalformedOrHostileRequests_AnswerProblemsNamingTheFieldAndWriteNothing()
    {
        await using var server = await LocalServerHarness.StartAsync();
        var existing = (await server.CreateSpecAsync()).GetProperty("id").GetString()!;
        var routes = Routes(server);
        var records = new TableServiceClient("UseDevelopmentStorage=true").GetTableClient(server.TablePrefix + "Records");
        var before = await SnapshotAsync(records);
        var sent = 0;

        foreach (var route in routes)
        {
            await RequestsFor(route, existing).SampleAsync(
                async request =>
                {
                    Interlocked.Increment(ref sent);
                    await AssertRefusedWellAsync(server.Client, request);
                },
                iter: RequestsPerRoute,
                threads: 1,
                print: request => request.ToString());
        }

        output.WriteLine($"{sent} requests over {routes.Count} routes: {string.Join(", ", routes)}");
        Assert.True(sent >= MinimumCorpus, $"only {sent} requests");
        Assert.Contains(routes, r => r.Pattern == "/api/specs/{id}/approve");
        var after = await SnapshotAsync(records);
        Assert.Equal(before, after);
    }

    /// <summary>Every route the server maps, by method, as its endpoint data source lists it.</summary>
    private static List<Route> Routes(LocalServerHarness server) =>
        server.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new Route(method, e.RoutePattern, e.Metadata.GetMetadata<IAcceptsMetadata>() is not null)))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Hostile requests for one route. Reads may name the one real spec (their query or id is what is hostile); writes
    /// name ids no record has, or carry a body no route accepts, so none of them may change anything.
    /// </summary>
    private static Gen<HostileRequest> RequestsFor(Route route, string existingSpec)
    {
        var reads = route.Method is "GET" or "HEAD";
        var id = reads ? Gen.Frequency((3, HostileId), (1, Gen.Const(existingSpec))) : HostileId;
        var parameters = route.Parameters.Count == 0
            ? Gen.Const(Array.Empty<string>())
            : id.Array[route.Parameters.Count];
        var query = Gen.Select(Gen.OneOf(QueryNames), HostileQueryValue).Array[0, 3];
        var method = Gen.Frequency((5, Gen.Const(route.Method)), (1, Gen.OneOf(WrongMethods)));
        var body = route.AcceptsBody || !reads
            ? Gen.Select(HostileBody, HostileContentType, (text, type) => (Text: (string?)text, Type: type))
            : Gen.Const<(string? Text, string? Type)>((null, null));
        return Gen.Select(method, parameters, query, body, (m, values, q, b) => new HostileRequest(
            route,
            m,
            route.Path(values),
            values,
            string.Join("&", q.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}")),
            b.Text,
            b.Type));
    }

    private static async Task AssertRefusedWellAsync(HttpClient client, HostileRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(client.BaseAddress!, request.Path + (request.Query.Length > 0 ? "?" + request.Query : "")));

        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (request.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var parsed))
            {
                message.Content.Headers.ContentType = parsed;
            }
        }

        using var response = await client.SendAsync(message);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{status} for {request}: {text}");
        if (request.Method is not ("GET" or "HEAD"))
        {
            Assert.True(status >= 400, $"a malformed write was accepted ({status}) for {request}: {text}");
        }

        if (status < 400)
        {
            return;
        }

        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{status} {response.Content.Headers.ContentType} for {request}: {text}");
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString() ?? "";
        Assert.False(string.IsNullOrWhiteSpace(detail), $"no detail for {request}: {text}");
        switch (response.StatusCode)
        {
            case HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong:
                Assert.True(
                    problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any(),
                    $"a {status} naming no field for {request}: {text}");
                break;
            case HttpStatusCode.NotFound:
                // A record that is not there is named by the id the request carried (routing leaves an escaped slash
                // escaped); a path no route matches is named whole.
                Assert.True(
                    request.RouteValues.Any(v => detail.Contains(v, StringComparison.Ordinal) || detail.Contains(v.Replace("/", "%2F", StringComparison.Ordinal), StringComparison.Ordinal))
                        || detail.StartsWith("No route matches", StringComparison.Ordinal),
                    $"a 404 naming neither the route parameter nor the path for {request}: {text}");
                break;
        }
    }

    private static async Task<List<string>> SnapshotAsync(TableClient records)
    {
        var rows = new List<string>();
        await foreach (var entity in records.QueryAsync<TableEntity>())
        {
            rows.Add($"{entity.PartitionKey}/{entity.RowKey}/{entity.ETag}");
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private sealed record Route(string Method, RoutePattern RoutePattern, bool AcceptsBody)
    {
        public string Pattern => "/" + string.Join("/", RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))));

        public IReadOnlyList<string> Parameters => RoutePattern.Parameters.Select(p => p.Name).ToList();

        /// <summary>The route's path with each parameter replaced by the next value, escaped.</summary>
        public string Path(IReadOnlyList<string> values)
        {
            var next = 0;
            return "/" + string.Join("/", RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart => Uri.EscapeDataString(values[next++]),
                _ => "",
            }))));
        }

        public override string ToString() => $"{Method} {Pattern}";
    }

    private sealed record HostileRequest(Route Route, string Method, string Path, IReadOnlyList<string> RouteValues, string Query, string? Body, string? ContentType)
    {
        public override string ToString() =>
            $"{Method} {Path}{(Query.Length > 0 ? "?" + Query : "")} [{ContentType ?? "no content type"}] {(Body is null ? "no body" : Body.Length > 200 ? Body[..200] + "…" : Body)}";
    }
}
