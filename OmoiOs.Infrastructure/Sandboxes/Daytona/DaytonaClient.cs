using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Errors;

namespace OmoiOs.Infrastructure.Sandboxes.Daytona;

/// <summary>
/// The Daytona REST API: sandboxes at <c>{api}/sandbox</c> and each sandbox's toolbox at <c>{toolboxProxyUrl}/{id}</c>
/// (process execution, sessions, files). A typed HttpClient; resilience comes from the handler it is registered with.
/// </summary>
public sealed class DaytonaClient
{
    private const string Provider = "daytona";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    public DaytonaClient(HttpClient http, IOptions<DaytonaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _http.BaseAddress = new Uri(options.Value.ApiUrl.TrimEnd('/') + "/");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
    }

    internal Task<DaytonaSandboxDto> CreateSandboxAsync(DaytonaCreateSandbox body, CancellationToken cancellationToken) =>
        SendAsync<DaytonaSandboxDto>(HttpMethod.Post, new Uri("sandbox", UriKind.Relative), JsonContent.Create(body, options: Json), cancellationToken);

    internal Task<DaytonaSandboxDto> GetSandboxAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<DaytonaSandboxDto>(HttpMethod.Get, new Uri($"sandbox/{Uri.EscapeDataString(id)}", UriKind.Relative), null, cancellationToken);

    /// <summary>Deletes a sandbox; one that is already gone counts as deleted.</summary>
    internal async Task DeleteSandboxAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri($"sandbox/{Uri.EscapeDataString(id)}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    internal Task<DaytonaExecuteResponse> ExecuteAsync(Uri toolbox, DaytonaExecute body, CancellationToken cancellationToken) =>
        SendAsync<DaytonaExecuteResponse>(HttpMethod.Post, new Uri(toolbox, "process/execute"), JsonContent.Create(body, options: Json), cancellationToken);

    internal async Task CreateSessionAsync(Uri toolbox, string sessionId, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(new DaytonaCreateSession(sessionId), options: Json);
        using var response = await _http.PostAsync(new Uri(toolbox, "process/session"), content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    internal async Task DeleteSessionAsync(Uri toolbox, string sessionId, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri(toolbox, $"process/session/{Uri.EscapeDataString(sessionId)}"), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    internal Task<DaytonaSessionExecResponse> SessionExecAsync(Uri toolbox, string sessionId, string command, CancellationToken cancellationToken) =>
        SendAsync<DaytonaSessionExecResponse>(
            HttpMethod.Post,
            new Uri(toolbox, $"process/session/{Uri.EscapeDataString(sessionId)}/exec"),
            JsonContent.Create(new DaytonaSessionExec(command, RunAsync: true), options: Json),
            cancellationToken);

    internal Task<DaytonaCommand> GetCommandAsync(Uri toolbox, string sessionId, string commandId, CancellationToken cancellationToken) =>
        SendAsync<DaytonaCommand>(HttpMethod.Get, CommandUri(toolbox, sessionId, commandId, ""), null, cancellationToken);

    /// <summary>Streams a command's logs through <paramref name="sink"/> so that a flood never sits in memory whole.</summary>
    internal async Task ReadCommandLogsAsync(Uri toolbox, string sessionId, string commandId, CappedOutput sink, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(CommandUri(toolbox, sessionId, commandId, "/logs"), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sink.Append(buffer.AsSpan(0, read));
            }
        }
    }

    internal async Task UploadFileAsync(Uri toolbox, string path, Stream content, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", Path.GetFileName(path));
        using var response = await _http.PostAsync(new Uri(toolbox, $"files/upload?path={Uri.EscapeDataString(path)}"), form, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A file's bytes, or null when the sandbox has no such file.</summary>
    internal async Task<byte[]?> DownloadFileAsync(Uri toolbox, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(toolbox, $"files/download?path={Uri.EscapeDataString(path)}"), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Uri CommandUri(Uri toolbox, string sessionId, string commandId, string suffix) =>
        new(toolbox, $"process/session/{Uri.EscapeDataString(sessionId)}/command/{Uri.EscapeDataString(commandId)}{suffix}");

    private async Task<T> SendAsync<T>(HttpMethod method, Uri uri, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new SandboxUnavailableException(Provider, $"{method} {uri} returned an empty body.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new SandboxUnavailableException(
            Provider,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} returned {(int)response.StatusCode}: {(body.Length > 500 ? body[..500] : body)}");
    }
}
