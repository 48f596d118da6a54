using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Functions.DependencyInjection;
using OmoiOs.Infrastructure.DependencyInjection;
using OmoiOs.Tests.Functions.TestHttp;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Functions.Support;

/// <summary>
/// The Functions app's real services (Core, Table storage on Azurite in tables of its own, the heuristic planner)
/// as the host registers them, plus requests whose invocation context carries the same services.
/// </summary>
internal sealed class FunctionsServices : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly FunctionContext _functionContext;

    public FunctionsServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OMOI_STORAGE"] = "UseDevelopmentStorage=true",
                ["OMOI_TABLE_PREFIX"] = "F" + Guid.NewGuid().ToString("N")[..12],
                ["OMOI_REPOSITORY_ROOTS"] = SampleRepository.Roots,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOmoiInfrastructure(configuration);
        services.AddOmoiFunctions(configuration);
        _provider = services.BuildServiceProvider();
        var context = new Mock<FunctionContext>();
        context.SetupProperty(c => c.InstanceServices, _provider);
        _functionContext = context.Object;
    }

    public SpecService Specs => Get<SpecService>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static NullLogger<T> Logger<T>() => NullLogger<T>.Instance;

    /// <summary>A spec in draft over the bundled sample app, created through the real service.</summary>
    public Task<Spec> CreateSpecAsync(SpecOptionsRequest? options = null) =>
        Specs.CreateAsync(
            new CreateSpecRequest
            {
                Title = "Add a health endpoint",
                Description = "The service shall expose GET /health returning its version.",
                Repository = SampleRepository.SourcePath,
                Options = options,
            },
            CancellationToken.None);

    public TestHttpRequestData Get(string pathAndQuery) => Request("GET", pathAndQuery);

    /// <summary>A JSON POST with its content type and length set as a client would.</summary>
    public TestHttpRequestData PostJson(string pathAndQuery, string json) =>
        Post(pathAndQuery, json, "application/json; charset=utf-8");

    public TestHttpRequestData Post(string pathAndQuery, string? body, string? contentType)
    {
        var request = Request("POST", pathAndQuery, body);
        if (contentType is not null)
        {
            request.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        request.Headers.TryAddWithoutValidation("Content-Length", Encoding.UTF8.GetByteCount(body ?? string.Empty).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    public TestHttpRequestData Request(string method, string pathAndQuery, string? body = null) =>
        new(_functionContext, method, new Uri(new Uri("http://localhost:7071/api/"), pathAndQuery), body);

    public void Dispose() => _provider.Dispose();
}
