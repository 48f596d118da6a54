using System.Collections.Concurrent;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>
/// Every <see cref="IWorkflowActivity{TInput,TOutput}"/> in Core, found by reflection, so the activity classes themselves are
/// the only list. An activity's name is its class name without the <c>Activity</c> suffix (<c>RunPhaseActivity</c> → <c>RunPhase</c>):
/// what the Durable Functions Monitor shows and the Functions app's trigger generator uses too.
/// </summary>
public static class WorkflowActivityCatalog
{
    private const string Suffix = "Activity";
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static IReadOnlyList<WorkflowActivityDescriptor> All { get; } =
    [
        .. typeof(WorkflowActivityCatalog).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .Select(type => (Type: type, Contract: ContractOf(type)))
            .Where(found => found.Contract is not null)
            .Select(found => new WorkflowActivityDescriptor(NameOf(found.Type), found.Type, found.Contract!.GenericTypeArguments[0], found.Contract.GenericTypeArguments[1]))
            .OrderBy(descriptor => descriptor.Name, StringComparer.Ordinal),
    ];

    public static string NameOf<TActivity>() => NameOf(typeof(TActivity));

    public static string NameOf(Type activityType)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        return Names.GetOrAdd(activityType, static type =>
            type.Name.EndsWith(Suffix, StringComparison.Ordinal) && type.Name.Length > Suffix.Length ? type.Name[..^Suffix.Length] : type.Name);
    }

    private static Type? ContractOf(Type type) =>
        type.GetInterfaces().SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWorkflowActivity<,>));
}
