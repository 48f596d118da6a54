using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Loggers from the invocation's services, as the real package resolves them.</summary>
public static class FunctionContextLoggerExtensions
{
    public static ILogger<T> GetLogger<T>(this FunctionContext context) =>
        context.InstanceServices.GetService<ILogger<T>>()!;

    public static ILogger GetLogger(this FunctionContext context, string categoryName) =>
        context.InstanceServices.GetService<ILoggerFactory>()!.CreateLogger(categoryName);
}
