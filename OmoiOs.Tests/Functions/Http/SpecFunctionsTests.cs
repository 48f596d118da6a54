using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;
using OmoiOs.Core.Application;
using OmoiOs.Functions.Http;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Functions.TestHttp;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Functions.Http;

[Collection(AzuriteGroup.Name)]
public sealed class SpecFunctionsTests : IDisposable
{
    private readonly FunctionsServices _services = new();

    [Fact]
    public async Task CreateAsync_ValidBody_Returns201WithLocationAndTheStoredSpec()
    {
        var body = $$"""
            { "title": "Add a health endpoint", "description": "The service shall expose GET /health.",
              "repository": {{JsonSerializer.Serialize(SampleRepository.SourcePath)}},
              "options": { "maxParallelTasks": 2, "requireApproval": ["design"] } }
            """;

        var response = Answer(await CreateSut().CreateAsync(_services.PostJson("specs", body), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var spec = JsonDocument.Parse(response.ReadBody());
        var id = spec.RootElement.GetProperty("id").GetString()!;
        Assert.Equal([$"/api/specs/{id}"], response.Headers.GetValues("Location"));
        Assert.Equal("draft", spec.RootElement.GetProperty("status").GetString());
        Assert.Equal(id, spec.RootElement.GetProperty("instanceId").GetString());
        Assert.Equal(2, spec.RootElement.GetProperty("options").GetProperty("maxParallelTasks").GetInt32());
        Assert.Equal("design", spec.RootElement.GetProperty("options").GetProperty("requireApproval")[0].GetString());
        Assert.Equal("Add a health endpoint", (await _services.Specs.GetAsync(id, CancellationToken.None)).Title);
    }

    [Fact]
    public async Task CreateAsync_MalformedJson_Returns400NamingWhereTheJsonBroke()
    {
        var response = await CreateSut().CreateAsync(_services.PostJson("specs", """{"title": "x", "description": """), CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response);
        Assert.Equal(["description"], ProblemAssert.ErrorFields(problem));
        Assert.Contains("$.description", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api/specs", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task CreateAsync_WrongTypeForAField_Returns400NamingTheField()
    {
        var response = await CreateSut().CreateAsync(_services.PostJson("specs", """{"title": "x", "options": {"maxParallelTasks": "many"}}"""), CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response);
        Assert.Equal(["options.maxParallelTasks"], ProblemAssert.ErrorFields(problem));
        Assert.Contains("$.options.maxParallelTasks", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_MissingFields_Returns400NamingEachFieldAndStoresNothing()
    {
        var response = await CreateSut().CreateAsync(_services.PostJson("specs", """{"title": "  ", "options": {"maxParallelTasks": 0}}"""), CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response);
        Assert.Equal(["description", "options.maxParallelTasks", "repository", "title"], ProblemAssert.ErrorFields(problem).Order(StringComparer.Ordinal));
        Assert.Empty((await _services.Specs.ListAsync(10, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task CreateAsync_RepositoryThatDoesNotExist_Returns400NamingRepository()
    {
        var body = JsonSerializer.Serialize(new { title = "t", description = "d", repository = "/nonexistent/omoi/repo" });

        var response = await CreateSut().CreateAsync(_services.PostJson("specs", body), CancellationToken.None);

        Assert.Equal(["repository"], ProblemAssert.ErrorFields(ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response)));
    }

    [Fact]
    public async Task CreateAsync_DeclaredLengthOver1MB_Returns413WithoutReadingTheBody()
    {
        var request = _services.Request("POST", "specs", "{}");
        request.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.TryAddWithoutValidation("Content-Length", (JsonRequestBody.MaxBytes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var response = await CreateSut().CreateAsync(request, CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.RequestEntityTooLarge, response);
        Assert.Equal(0, request.Body.Position);
    }

    [Fact]
    public async Task CreateAsync_UndeclaredBodyOver1MB_Returns413()
    {
        var huge = JsonSerializer.Serialize(new { title = "t", description = new string('x', (int)JsonRequestBody.MaxBytes), repository = "/" });
        var request = _services.Request("POST", "specs", huge);
        request.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        var response = await CreateSut().CreateAsync(request, CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.RequestEntityTooLarge, response);
    }

    [Fact]
    public async Task CreateAsync_PlainTextBody_Returns415NamingTheContentType()
    {
        var response = await CreateSut().CreateAsync(_services.Post("specs", "title=x", "text/plain"), CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.UnsupportedMediaType, response);
        Assert.Contains("text/plain", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_NoBody_Returns400SayingSo()
    {
        var response = await CreateSut().CreateAsync(_services.Post("specs", null, "application/json"), CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response);
        Assert.Equal("The request has no body.", problem.GetProperty("detail").GetString());
        Assert.Equal(["body"], ProblemAssert.ErrorFields(problem));
    }

    [Fact]
    public async Task GetAsync_CreatedSpec_Returns200WithIt()
    {
        var spec = await _services.CreateSpecAsync();

        var response = Answer(await CreateSut().GetAsync(_services.Get($"specs/{spec.Id}"), spec.Id, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["application/json; charset=utf-8"], response.Headers.GetValues("Content-Type"));
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal(spec.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("explore", body.RootElement.GetProperty("currentPhase").GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("pendingApproval").ValueKind);
    }

    [Theory]
    [InlineData("spec-000000000000")]
    [InlineData("not-an-id")]
    public async Task GetAsync_UnknownId_Returns404Problem(string id)
    {
        var response = await CreateSut().GetAsync(_services.Get($"specs/{id}"), id, CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.NotFound, response);
        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_TwoSpecs_ListsBothWithoutContinuation()
    {
        var first = await _services.CreateSpecAsync();
        var second = await _services.CreateSpecAsync();

        var response = Answer(await CreateSut().ListAsync(_services.Get("specs"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal(
            new[] { first.Id, second.Id }.Order(StringComparer.Ordinal),
            body.RootElement.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("continuationToken").ValueKind);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("ten")]
    public async Task ListAsync_PageSizeOutOfRange_Returns400NamingPageSize(string pageSize)
    {
        var response = await CreateSut().ListAsync(_services.Get($"specs?pageSize={pageSize}"), CancellationToken.None);

        Assert.Equal(["pageSize"], ProblemAssert.ErrorFields(ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response)));
    }

    [Fact]
    public async Task GetExecutionStatusAsync_SpecWithoutTasks_ReturnsZeroCountsNotComplete()
    {
        var spec = await _services.CreateSpecAsync();

        var response = Answer(await CreateSut().GetExecutionStatusAsync(_services.Get($"specs/{spec.Id}/execution-status"), spec.Id, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal(0, body.RootElement.GetProperty("total").GetInt32());
        Assert.False(body.RootElement.GetProperty("isComplete").GetBoolean());
        Assert.Equal(0, body.RootElement.GetProperty("counts").GetProperty("blocked").GetInt32());
    }

    [Fact]
    public async Task GetExecutionStatusAsync_UnknownId_Returns404Problem()
    {
        var response = await CreateSut().GetExecutionStatusAsync(_services.Get("specs/spec-000000000000/execution-status"), "spec-000000000000", CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.NotFound, response);
    }

    [Fact]
    public async Task CreateAsync_CancelledRequest_ThrowsInsteadOfAnswering()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().CreateAsync(_services.PostJson("specs", "{}"), cancellation.Token));
    }

    [Theory]
    [InlineData(nameof(SpecFunctions.CreateAsync), "CreateSpec", "post", "api/specs")]
    [InlineData(nameof(SpecFunctions.ListAsync), "ListSpecs", "get", "api/specs")]
    [InlineData(nameof(SpecFunctions.GetAsync), "GetSpec", "get", "api/specs/{id}")]
    [InlineData(nameof(SpecFunctions.GetExecutionStatusAsync), "GetExecutionStatus", "get", "api/specs/{id}/execution-status")]
    public void Declarations_EachFunction_IsAKeyedTriggerOnItsRoute(string method, string function, string verb, string route) =>
        TriggerAssert.Declares(typeof(SpecFunctions).GetMethod(method)!, function, verb, route);

    public void Dispose() => _services.Dispose();

    private static TestHttpResponseData Answer(HttpResponseData response) => Assert.IsType<TestHttpResponseData>(response);

    private SpecFunctions CreateSut() => new(_services.Specs, FunctionsServices.Logger<SpecFunctions>());
}
