using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Core.Workflow.Activities;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// A Core <see cref="IWorkflowActivity{TInput,TOutput}"/> as a Durable activity, resolved from the host's services on each call.
/// It is never cancelled: a run cut short would record a failed attempt; a worker that stops leaves it to the process's
/// exit, and its message reappears for another worker.
/// </summary>
internal sealed class CoreActivity<TActivity, TInput, TOutput>(IServiceProvider services) : TaskActivity<TInput, TOutput>
    where TActivity : IWorkflowActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) =>
        services.GetRequiredService<TActivity>().RunAsync(
            input ?? throw new ArgumentException($"Activity {context?.Name} was called without its input.", nameof(input)),
            CancellationToken.None);
}

/// <summary>Closes <see cref="CoreActivity{TActivity,TInput,TOutput}"/> over a catalogued activity's types.</summary>
internal static class CoreActivity
{
    /// <summary>The adapter for <paramref name="activity"/>, closed over its types.</summary>
    public static ITaskActivity For(WorkflowActivityDescriptor activity, IServiceProvider services) =>
        (ITaskActivity)Activator.CreateInstance(
            typeof(CoreActivity<,,>).MakeGenericType(activity.ActivityType, activity.InputType, activity.OutputType),
            services)!;
}
