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
public sealed class RecordFunctionsTests(PlannedSpecFixture planned) : IClassFixture<PlannedSpecFixture>
{
    private string SpecId => planned.Spec.Id;

    [Fact]
    public async Task ListTicketsAsync_BySpec_ListsItsOneTicket()
    {
        var items = Items(await CreateSut().ListTicketsAsync(Services.Get($"tickets?specId={SpecId}"), CancellationToken.None));

        var ticket = Assert.Single(items);
        Assert.Equal(planned.TicketId, ticket.GetProperty("id").GetString());
        Assert.Equal(SpecId, ticket.GetProperty("specId").GetString());
    }

    [Fact]
    public async Task ListTasksAsync_BySpec_ListsOneWorkTaskPerSpecTask()
    {
        var specTasks = (await Services.Specs.TaskListAsync(SpecId, CancellationToken.None)).Items;

        var items = Items(await CreateSut().ListTasksAsync(Services.Get($"tasks?specId={SpecId}"), CancellationToken.None));

        Assert.Equal(specTasks.Count, items.Count);
        Assert.All(items, t => Assert.Equal(planned.TicketId, t.GetProperty("ticketId").GetString()));
        Assert.Equal(specTasks.Select(t => t.Id).Order(StringComparer.Ordinal), items.Select(t => t.GetProperty("specTaskId").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListTasksAsync_AcrossSpecs_PagesWithAContinuationToken()
    {
        var first = Answer(await CreateSut().ListTasksAsync(Services.Get("tasks?pageSize=1"), CancellationToken.None));

        using var body = JsonDocument.Parse(first.ReadBody());
        Assert.Single(body.RootElement.GetProperty("items").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("continuationToken").GetString()));
    }

    [Fact]
    public async Task GetTicketAsync_KnownId_ReturnsIt()
    {
        var response = Answer(await CreateSut().GetTicketAsync(Services.Get($"tickets/{planned.TicketId}"), planned.TicketId, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal(planned.TicketId, body.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetTaskAsync_KnownId_ReturnsIt()
    {
        var task = (await Services.Get<RecordQueries>().TasksAsync(SpecId, 10, null, CancellationToken.None)).Items[0];

        var response = Answer(await CreateSut().GetTaskAsync(Services.Get($"tasks/{task.Id}"), task.Id, CancellationToken.None));

        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal(task.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("pending", body.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("ticket-000000000000")]
    [InlineData("task-000000000000-tsk-001")]
    [InlineData("garbage")]
    public async Task GetAsync_UnknownIds_Return404(string id)
    {
        ProblemAssert.IsProblem(HttpStatusCode.NotFound, await CreateSut().GetTicketAsync(Services.Get($"tickets/{id}"), id, CancellationToken.None));
        ProblemAssert.IsProblem(HttpStatusCode.NotFound, await CreateSut().GetTaskAsync(Services.Get($"tasks/{id}"), id, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_SpecIdThatIsNoSpecId_Returns400NamingSpecId()
    {
        var tickets = await CreateSut().ListTicketsAsync(Services.Get("tickets?specId=ticket-123"), CancellationToken.None);
        var tasks = await CreateSut().ListTasksAsync(Services.Get("tasks?specId=ticket-123"), CancellationToken.None);

        Assert.Equal(["specId"], ProblemAssert.ErrorFields(ProblemAssert.IsProblem(HttpStatusCode.BadRequest, tickets)));
        Assert.Equal(["specId"], ProblemAssert.ErrorFields(ProblemAssert.IsProblem(HttpStatusCode.BadRequest, tasks)));
    }

    [Theory]
    [InlineData(nameof(RecordFunctions.ListTicketsAsync), "ListTickets", "api/tickets")]
    [InlineData(nameof(RecordFunctions.GetTicketAsync), "GetTicket", "api/tickets/{id}")]
    [InlineData(nameof(RecordFunctions.ListTasksAsync), "ListTasks", "api/tasks")]
    [InlineData(nameof(RecordFunctions.GetTaskAsync), "GetTask", "api/tasks/{id}")]
    public void Declarations_EachFunction_IsAKeyedGetOnItsRoute(string method, string function, string route) =>
        TriggerAssert.Declares(typeof(RecordFunctions).GetMethod(method)!, function, "get", route);

    private FunctionsServices Services => planned.Services;

    private static TestHttpResponseData Answer(HttpResponseData response) => Assert.IsType<TestHttpResponseData>(response);

    private static List<JsonElement> Items(HttpResponseData response)
    {
        var answer = Answer(response);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var body = JsonDocument.Parse(answer.ReadBody());
        return body.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private RecordFunctions CreateSut() => new(Services.Get<RecordQueries>(), FunctionsServices.Logger<RecordFunctions>());
}
