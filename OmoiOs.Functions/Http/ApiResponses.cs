using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Azure.Functions.Worker.Http;
using OmoiOs.Core.Application;

namespace OmoiOs.Functions.Http;

/// <summary>
/// The answers of the HTTP API, written as the local host writes them (status, Location, content type, body). Only
/// overloads present in both the 1.x and 2.x worker packages are used.
/// </summary>
internal static class ApiResponses
{
    /// <summary>The body as JSON (<c>application/json; charset=utf-8</c>) in the worker's camelCase serializer.</summary>
    public static async Task<HttpResponseData> JsonAsync<T>(HttpRequestData request, HttpStatusCode status, T body, CancellationToken cancellationToken, string? location = null)
    {
        var response = Empty(request, status, location);
        await response.WriteAsJsonAsync(body, cancellationToken);
        return response;
    }

    public static HttpResponseData Empty(HttpRequestData request, HttpStatusCode status, string? location = null)
    {
        var response = request.CreateResponse(status);
        if (location is not null)
        {
            response.Headers.Add("Location", location);
        }

        return response;
    }

    public static async Task<HttpResponseData> ProblemAsync(HttpRequestData request, ApiProblem problem, CancellationToken cancellationToken)
    {
        var response = request.CreateResponse((HttpStatusCode)problem.Status);
        await response.WriteAsJsonAsync(problem, ApiProblem.ContentType, cancellationToken);
        return response;
    }

    public static async Task<HttpResponseData> TextAsync(HttpRequestData request, string text, string contentType)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", contentType);
        await response.WriteStringAsync(text, Encoding.UTF8);
        return response;
    }

    public static async Task<HttpResponseData> FileAsync(HttpRequestData request, byte[] content, string contentType, string fileName)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", contentType);
        response.Headers.Add("Content-Disposition", new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString());
        await response.WriteBytesAsync(content);
        return response;
    }
}
