using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using OmoiOs.Functions.Http;

namespace OmoiOs.Tests.Security;

/// <summary>Every HTTP function of the Azure app demands a function key, except <c>GET /api/health</c>.</summary>
public sealed class FunctionKeyTests
{
    public static TheoryData<string, string> Triggers()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in typeof(SpecFunctions).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null) is { } trigger)
            {
                data.Add(method.GetCustomAttribute<FunctionAttribute>()!.Name, $"{trigger.Route}|{trigger.AuthLevel}");
            }
        }

        return data;
    }

    [Fact]
    public void Triggers_AllFound() => Assert.True(Triggers().Count >= 19, $"found {Triggers().Count} HTTP functions");

    [Theory]
    [MemberData(nameof(Triggers))]
    public void HttpFunction_NeedsAFunctionKeyUnlessHealth(string function, string routeAndLevel)
    {
        var (route, level) = (routeAndLevel.Split('|')[0], Enum.Parse<AuthorizationLevel>(routeAndLevel.Split('|')[1]));

        Assert.True(level == (route == "api/health" ? AuthorizationLevel.Anonymous : AuthorizationLevel.Function), $"{function} ({route}) is {level}");
    }
}
