using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;
using OmoiOs.Functions.Http;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Functions.TestHttp;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Functions.Http;

[Collection(AzuriteGroup.Name)]
public sealed class SpecDocumentFunctionsTests(PlannedSpecFixture planned) : IClassFixture<PlannedSpecFixture>
{
    private string SpecId => planned.Spec.Id;

    [Fact]
    public async Task ListRequirementsAsync_PlannedSpec_ListsEarsRequirementsWithTheirCriteria()
    {
        var response = Answer(await CreateSut().ListRequirementsAsync(Services.Get($"specs/{SpecId}/requirements"), SpecId, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(response.ReadBody());
        var requirements = body.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(requirements);
        Assert.All(requirements, r =>
        {
            Assert.StartsWith("REQ-", r.GetProperty("key").GetString(), StringComparison.Ordinal);
            Assert.NotEmpty(r.GetProperty("acceptanceCriteria").EnumerateArray());
        });
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("continuationToken").ValueKind);
    }

    [Fact]
    public async Task GetDesignAsync_PlannedSpec_ReturnsTheDesignJson()
    {
        var response = Answer(await CreateSut().GetDesignAsync(Services.Get($"specs/{SpecId}/design"), SpecId, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal(JsonValueKind.Object, body.RootElement.ValueKind);
        Assert.NotEmpty(body.RootElement.EnumerateObject());
    }

    [Fact]
    public async Task GetDesignAsync_SpecNotPlannedYet_Returns404NamingTheDesign()
    {
        var draft = await Services.CreateSpecAsync();

        var response = await CreateSut().GetDesignAsync(Services.Get($"specs/{draft.Id}/design"), draft.Id, CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.NotFound, response);
        Assert.Equal("Design not found.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ListTasksAsync_PlannedSpec_ListsTheSpecTasksWithKeysAndTheirCriticalPath()
    {
        var response = Answer(await CreateSut().ListTasksAsync(Services.Get($"specs/{SpecId}/tasks"), SpecId, CancellationToken.None));

        using var body = JsonDocument.Parse(response.ReadBody());
        var tasks = body.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.StartsWith("TSK-", t.GetProperty("key").GetString(), StringComparison.Ordinal));
        var ids = tasks.Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(body.RootElement.GetProperty("criticalPath").EnumerateArray());
        Assert.All(body.RootElement.GetProperty("criticalPath").EnumerateArray(), id => Assert.Contains(id.GetString(), ids));
        Assert.True(body.RootElement.GetProperty("criticalPathHours").GetDouble() > 0);
    }

    [Fact]
    public async Task ListRequirementsAsync_UnknownSpec_Returns404()
    {
        var response = await CreateSut().ListRequirementsAsync(Services.Get("specs/spec-000000000000/requirements"), "spec-000000000000", CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.NotFound, response);
    }

    [Theory]
    [InlineData("", "kiro")]
    [InlineData("?format=speckit", "speckit")]
    public async Task ExportAsync_NoFile_ReturnsAZipOfTheMarkdownExport(string query, string format)
    {
        var response = Answer(await CreateSut().ExportAsync(Services.Get($"specs/{SpecId}/export{query}"), SpecId, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["application/zip"], response.Headers.GetValues("Content-Type"));
        Assert.Contains($"filename={SpecId}-{format}.zip", Assert.Single(response.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
        response.Body.Position = 0;
        using var zip = new ZipArchive(response.Body, ZipArchiveMode.Read, leaveOpen: true);
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith(".md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportAsync_FileNamed_ReturnsThatMarkdownFile()
    {
        var response = Answer(await CreateSut().ExportAsync(Services.Get($"specs/{SpecId}/export?format=kiro&file=requirements.md"), SpecId, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["text/markdown; charset=utf-8"], response.Headers.GetValues("Content-Type"));
        Assert.Contains("REQ-", response.ReadBody(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_UnknownFile_Returns400ListingTheFiles()
    {
        var response = await CreateSut().ExportAsync(Services.Get($"specs/{SpecId}/export?file=nope.md"), SpecId, CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response);
        Assert.Equal(["file"], ProblemAssert.ErrorFields(problem));
        Assert.Contains("requirements.md", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_UnknownFormat_Returns400NamingFormat()
    {
        var response = await CreateSut().ExportAsync(Services.Get($"specs/{SpecId}/export?format=docx"), SpecId, CancellationToken.None);

        Assert.Equal(["format"], ProblemAssert.ErrorFields(ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response)));
    }

    [Fact]
    public async Task ExportAsync_SpecNotPlannedYet_Returns409()
    {
        var draft = await Services.CreateSpecAsync();

        var response = await CreateSut().ExportAsync(Services.Get($"specs/{draft.Id}/export"), draft.Id, CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.Conflict, response);
    }

    [Theory]
    [InlineData(nameof(SpecDocumentFunctions.ListRequirementsAsync), "ListRequirements", "api/specs/{id}/requirements")]
    [InlineData(nameof(SpecDocumentFunctions.GetDesignAsync), "GetDesign", "api/specs/{id}/design")]
    [InlineData(nameof(SpecDocumentFunctions.ListTasksAsync), "ListSpecTasks", "api/specs/{id}/tasks")]
    [InlineData(nameof(SpecDocumentFunctions.ExportAsync), "ExportSpec", "api/specs/{id}/export")]
    public void Declarations_EachFunction_IsAKeyedGetOnItsRoute(string method, string function, string route) =>
        TriggerAssert.Declares(typeof(SpecDocumentFunctions).GetMethod(method)!, function, "get", route);

    private FunctionsServices Services => planned.Services;

    private static TestHttpResponseData Answer(HttpResponseData response) => Assert.IsType<TestHttpResponseData>(response);

    private SpecDocumentFunctions CreateSut() => new(Services.Specs, FunctionsServices.Logger<SpecDocumentFunctions>());
}
