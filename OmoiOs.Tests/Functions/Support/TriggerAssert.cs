using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace OmoiOs.Tests.Functions.Support;

/// <summary>Checks an HTTP function's declaration: its name, its one method, its route, and that it needs a function key.</summary>
internal static class TriggerAssert
{
    public static void Declares(MethodInfo method, string function, string verb, string route)
    {
        Assert.Equal(function, method.GetCustomAttribute<FunctionAttribute>()?.Name);
        var trigger = method.GetParameters()[0].GetCustomAttribute<HttpTriggerAttribute>();
        Assert.NotNull(trigger);
        Assert.Equal(AuthorizationLevel.Function, trigger.AuthLevel);
        Assert.Equal([verb], trigger.Methods ?? []);
        Assert.Equal(route, trigger.Route);
    }
}
