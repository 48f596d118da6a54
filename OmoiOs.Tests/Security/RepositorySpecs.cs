using System.Net;
using System.Text.Json.Nodes;
using OmoiOs.Core.Application;
using OmoiOs.Functions.Http;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Security;

/// <summary>Posts specs naming a repository to both hosts and checks they are refused on <c>repository</c> with nothing stored.</summary>
internal static class RepositorySpecs
{
    public static StringContent Body(string repository, object? options = null)
    {
        var body = new JsonObject { ["title"] = "Repository", ["description"] = "The CLI shall greet the user by name.", ["repository"] = repository };
        if (options is not null)
        {
            body["options"] = System.Text.Json.JsonSerializer.SerializeToNode(options);
        }

        return LocalServerHarness.Json(body.ToJsonString());
    }

    public static async Task<string> AssertRefusedAsync(LocalServerHarness server, string repository)
    {
        var before = await server.SpecIdsAsync();

        using var response = await server.Client.PostAsync("specs", Body(repository));

        var body = await response.Content.ReadAsStringAsync();
        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([RepositoryPolicy.Field], LocalServerHarness.ErrorFields(problem));
        Assert.Equal(before, await server.SpecIdsAsync());
        return body;
    }

    public static async Task<string> AssertTriggerRefusesAsync(FunctionsServices functions, string repository)
    {
        var sut = new SpecFunctions(functions.Specs, FunctionsServices.Logger<SpecFunctions>());

        var response = await sut.CreateAsync(functions.PostJson("specs", await Body(repository).ReadAsStringAsync()), CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response);
        Assert.Equal([RepositoryPolicy.Field], ProblemAssert.ErrorFields(problem));
        Assert.Empty((await functions.Specs.ListAsync(10, null, CancellationToken.None)).Items);
        return problem.ToString();
    }
}
