using Microsoft.Extensions.Logging;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Infrastructure.Workflow;

/// <summary>The one line each host's sweep logs for a spec whose run <see cref="EndedRunReconciler"/> restarted or failed.</summary>
public static partial class EndedRunLog
{
    public static void Report(ILogger logger, EndedRun ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        if (ended.Action == EndedRunAction.Restarted)
        {
            Restarted(logger, ended.Spec.Id, ended.Reason);
        }
        else
        {
            Failed(logger, ended.Spec.Id, ended.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spec {SpecId}: {Reason} Its run starts again from what its records hold.")]
    private static partial void Restarted(ILogger logger, string specId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spec {SpecId} is now failed: its run ended in the engine without settling it. {Reason} Running it again resumes it.")]
    private static partial void Failed(ILogger logger, string specId, string reason);
}
