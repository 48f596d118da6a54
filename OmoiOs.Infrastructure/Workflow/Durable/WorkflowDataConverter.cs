using Microsoft.DurableTask.Converters;
using OmoiOs.Core.Application;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// The JSON of orchestration inputs, outputs, events and custom status: the API's options, as the Functions app's worker
/// serializer uses, so a local hub's history reads the same in the Durable Functions Monitor as an Azure one.
/// </summary>
internal static class WorkflowDataConverter
{
    public static JsonDataConverter Instance { get; } = new(ApiJson.Options);
}
