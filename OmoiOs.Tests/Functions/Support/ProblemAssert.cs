using System.Net;
using System.Text.Json;
using OmoiOs.Core.Application;
using OmoiOs.Tests.Functions.TestHttp;

namespace OmoiOs.Tests.Functions.Support;

/// <summary>Checks an answer is an RFC 9457 problem with the expected status, and returns its body for further checks.</summary>
internal static class ProblemAssert
{
    public static JsonElement IsProblem(HttpStatusCode expected, Microsoft.Azure.Functions.Worker.Http.HttpResponseData response)
    {
        var answer = Assert.IsType<TestHttpResponseData>(response);
        Assert.Equal(expected, answer.StatusCode);
        Assert.Equal([ApiProblem.ContentType], answer.Headers.GetValues("Content-Type"));
        using var document = JsonDocument.Parse(answer.ReadBody());
        var body = document.RootElement.Clone();
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        return body;
    }

    /// <summary>The field names the problem's <c>errors</c> lists.</summary>
    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").ValueKind == JsonValueKind.Object
            ? problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList()
            : [];
}
