using System.Text;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;

namespace OmoiOs.Tests.Core.Application;

public sealed class JsonRequestBodyTests
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/merge-patch+json")]
    public async Task ReadAsync_JsonContentType_ReadsTheBody(string contentType)
    {
        var request = await ReadAsync<ApproveRequest>("""{"gate":"design","approved":true,"comment":"ok"}""", contentType);

        Assert.Equal(new ApproveRequest(OmoiOs.Core.Domain.ApprovalGate.Design, true, "ok"), request);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    [InlineData("json")]
    public async Task ReadAsync_OtherContentType_Throws415NamingIt(string? contentType)
    {
        var thrown = await Assert.ThrowsAsync<ApiProblemException>(() => ReadAsync<ApproveRequest>("{}", contentType));

        Assert.Equal(415, thrown.Problem.Status);
        Assert.Contains(contentType ?? "none", thrown.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthOverTheLimit_Throws413WithoutReading()
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes("{}"));

        var thrown = await Assert.ThrowsAsync<ApiProblemException>(() => JsonRequestBody.ReadAsync<ApproveRequest>(body, "application/json", JsonRequestBody.MaxBytes + 1, CancellationToken.None));

        Assert.Equal(413, thrown.Problem.Status);
        Assert.Equal(0, body.Position);
    }

    [Fact]
    public async Task ReadAsync_UndeclaredBodyOverTheLimit_Throws413()
    {
        var json = $$"""{"comment":"{{new string('x', (int)JsonRequestBody.MaxBytes)}}"}""";

        var thrown = await Assert.ThrowsAsync<ApiProblemException>(() => ReadAsync<ApproveRequest>(json, "application/json", declareLength: false));

        Assert.Equal(413, thrown.Problem.Status);
    }

    [Fact]
    public async Task ReadAsync_BodyExactlyAtTheLimit_IsRead()
    {
        const string Prefix = "{\"comment\":\"";
        const string Suffix = "\"}";
        var comment = new string('x', (int)JsonRequestBody.MaxBytes - Prefix.Length - Suffix.Length);

        var request = await ReadAsync<ApproveRequest>(Prefix + comment + Suffix, "application/json", declareLength: false);

        Assert.Equal(comment, request.Comment);
    }

    [Fact]
    public async Task ReadAsync_MalformedJson_Throws400NamingWhereItBroke()
    {
        var thrown = await Assert.ThrowsAsync<ApiProblemException>(() => ReadAsync<CreateSpecRequest>("""{"title": "x", "options": {"maxParallelTasks": "four"}}""", "application/json"));

        Assert.Equal(400, thrown.Problem.Status);
        Assert.EndsWith("(at $.options.maxParallelTasks)", thrown.Problem.Detail, StringComparison.Ordinal);
        Assert.Equal(["options.maxParallelTasks"], thrown.Problem.Errors!.Keys);
    }

    [Fact]
    public async Task ReadAsync_NotAnObject_Throws400NamingTheBody()
    {
        var thrown = await Assert.ThrowsAsync<ApiProblemException>(() => ReadAsync<CreateSpecRequest>("[1, 2]", "application/json"));

        Assert.Equal(["body"], thrown.Problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task ReadAsync_NoBodyOrJsonNull_Throws400SayingSo(string json)
    {
        var thrown = await Assert.ThrowsAsync<ApiProblemException>(() => ReadAsync<ApproveRequest>(json, "application/json"));

        Assert.Equal(400, thrown.Problem.Status);
        Assert.Contains(json.Length == 0 ? "no body" : "JSON null", thrown.Problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    public async Task ReadOptionalAsync_NoBody_ReturnsNullWhateverTheContentType(string? contentType)
    {
        using var body = new MemoryStream();

        Assert.Null(await JsonRequestBody.ReadOptionalAsync<ExecuteTasksRequest>(body, contentType, null, CancellationToken.None));
    }

    [Fact]
    public async Task ReadOptionalAsync_Body_MustStillBeJson()
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes("taskIds=1"));

        var thrown = await Assert.ThrowsAsync<ApiProblemException>(() => JsonRequestBody.ReadOptionalAsync<ExecuteTasksRequest>(body, "text/plain", 9, CancellationToken.None));

        Assert.Equal(415, thrown.Problem.Status);
    }

    private static async Task<T> ReadAsync<T>(string json, string? contentType, bool declareLength = true)
        where T : class
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var body = new MemoryStream(bytes);
        return await JsonRequestBody.ReadAsync<T>(body, contentType, declareLength ? bytes.Length : null, CancellationToken.None);
    }
}
