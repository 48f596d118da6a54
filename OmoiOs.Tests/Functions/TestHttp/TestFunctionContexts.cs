using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OmoiOs.Functions.DependencyInjection;

namespace OmoiOs.Tests.Functions.TestHttp;

/// <summary>A mocked invocation context whose services are the Functions host's own registrations.</summary>
internal static class TestFunctionContexts
{
    public static FunctionContext WithOmoiFunctionsServices()
    {
        var services = new ServiceCollection()
            .AddOmoiFunctions(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        var context = new Mock<FunctionContext>();
        context.SetupProperty(c => c.InstanceServices, services);
        return context.Object;
    }
}
