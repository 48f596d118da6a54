using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>Ends a spec as failed with its reason; a spec that already finished is left as it is.</summary>
public sealed class FailSpecActivity(ISpecRepository specs) : IWorkflowActivity<FailSpecInput, bool>
{
    public async Task<bool> RunAsync(FailSpecInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await specs.UpdateAsync(
            input.SpecId,
            s => SpecChanges.Fail(s, input.Reason),
            SpecChanges.Events,
            cancellationToken).ConfigureAwait(false);
        return true;
    }
}
