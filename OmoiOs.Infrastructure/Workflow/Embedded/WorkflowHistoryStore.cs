using System.Globalization;
using Azure.Data.Tables;
using OmoiOs.Infrastructure.Storage;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Infrastructure.Workflow.Embedded;

/// <summary>
/// The embedded engine's state in Table storage, laid out like Durable's task hub: <c>&lt;prefix&gt;Instances</c>
/// (one row per instance) and <c>&lt;prefix&gt;History</c> (per instance: history rows keyed by execution and order,
/// the inbox of raised events, and overflow text for large results).
/// </summary>
internal sealed class WorkflowHistoryStore(RecordTable instances, RecordTable history)
{
    // A result longer than this goes to chunk rows, so any activity result fits.
    private const int InlineResultChars = 200_000;
    private const string InboxPrefix = "inbox|";

    public async Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var entity = await instances.FindAsync(instanceId, "", cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToInstance(entity);
    }

    public async Task<IReadOnlyList<InstanceRecord>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        (await instances.QueryListAsync($"RuntimeStatus eq '{InstanceStatus.Running}' or RuntimeStatus eq '{InstanceStatus.Pending}'", cancellationToken).ConfigureAwait(false))
            .Select(ToInstance)
            .ToList();

    public Task SaveAsync(InstanceRecord instance, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(instance.InstanceId, "")
        {
            ["Name"] = instance.Name,
            ["ExecutionId"] = instance.ExecutionId,
            ["RuntimeStatus"] = instance.Status.ToString(),
            ["CreatedTime"] = instance.CreatedAt,
            ["LastUpdatedTime"] = instance.LastUpdatedAt,
        };
        EntityValues.SetText(entity, "Input", instance.Input);
        EntityValues.SetText(entity, "CustomStatus", instance.CustomStatus);
        EntityValues.SetText(entity, "Output", Truncated(instance.Output));
        EntityValues.SetText(entity, "Failure", Truncated(instance.Failure));
        return instances.SubmitAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)], cancellationToken);
    }

    public async Task<List<HistoryEvent>> LoadHistoryAsync(string instanceId, string executionId, CancellationToken cancellationToken)
    {
        var prefix = executionId + "|";
        var rows = await history.QueryListAsync($"PartitionKey eq '{RowKeys.Escape(instanceId)}' and {RowKeys.PrefixFilter(prefix)}", cancellationToken).ConfigureAwait(false);
        var events = new List<HistoryEvent>(rows.Count);
        foreach (var row in rows.Where(r => r.GetString("kind") == "history").OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            var result = row.GetBoolean("ResultOverflow") == true
                ? await TextChunks.ReadAsync(history, instanceId, row.RowKey + "|result", cancellationToken).ConfigureAwait(false)
                : EntityValues.GetText(row, "Result");
            events.Add(new HistoryEvent(
                row.GetInt64("Order") ?? 0,
                row.GetInt32("CallSequence") ?? 0,
                Enum.Parse<HistoryEventKind>(row.GetString("EventType")),
                row.GetString("Name"),
                result,
                EntityValues.GetText(row, "Failure"),
                row.GetDateTimeOffset("EventTime") ?? default,
                row.GetString("InboxKey")));
        }

        return events;
    }

    public async Task AppendHistoryAsync(string instanceId, string executionId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>(events.Count);
        foreach (var e in events)
        {
            var rowKey = $"{executionId}|{e.Order.ToString("D16", CultureInfo.InvariantCulture)}";
            var entity = new TableEntity(instanceId, rowKey)
            {
                ["kind"] = "history",
                ["Order"] = e.Order,
                ["CallSequence"] = e.CallSequence,
                ["EventType"] = e.Kind.ToString(),
                ["Name"] = e.Name,
                ["EventTime"] = e.Timestamp,
                ["InboxKey"] = e.InboxKey,
                ["ExecutionId"] = executionId,
            };
            if (e.Result is { Length: > InlineResultChars })
            {
                await TextChunks.WriteAsync(history, instanceId, rowKey + "|result", e.Result, cancellationToken).ConfigureAwait(false);
                entity["ResultOverflow"] = true;
            }
            else
            {
                EntityValues.SetText(entity, "Result", e.Result);
            }

            EntityValues.SetText(entity, "Failure", Truncated(e.Failure));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }

        foreach (var batch in SpecPartitionWriter.Batch(actions))
        {
            await history.SubmitAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<string> AddInboxAsync(string instanceId, string name, string payload, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = $"{InboxPrefix}{at.UtcTicks.ToString("D20", CultureInfo.InvariantCulture)}|{Guid.NewGuid():N}";
        var entity = new TableEntity(instanceId, key) { ["kind"] = "inbox", ["EventName"] = name };
        EntityValues.SetText(entity, "Payload", payload);
        await history.SubmitAsync([new TableTransactionAction(TableTransactionActionType.Add, entity)], cancellationToken).ConfigureAwait(false);
        return key;
    }

    public async Task<IReadOnlyList<InboxEvent>> LoadInboxAsync(string instanceId, CancellationToken cancellationToken) =>
        (await history.QueryListAsync($"PartitionKey eq '{RowKeys.Escape(instanceId)}' and {RowKeys.PrefixFilter(InboxPrefix)}", cancellationToken).ConfigureAwait(false))
            .OrderBy(r => r.RowKey, StringComparer.Ordinal)
            .Select(r => new InboxEvent(r.RowKey, r.GetString("EventName"), EntityValues.GetText(r, "Payload") ?? "null"))
            .ToList();

    private static InstanceRecord ToInstance(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetString("Name"),
        entity.GetString("ExecutionId"),
        EntityValues.GetText(entity, "Input") ?? "null",
        Enum.Parse<InstanceStatus>(entity.GetString("RuntimeStatus")),
        EntityValues.GetText(entity, "CustomStatus"),
        EntityValues.GetText(entity, "Output"),
        EntityValues.GetText(entity, "Failure"),
        entity.GetDateTimeOffset("CreatedTime") ?? default,
        entity.GetDateTimeOffset("LastUpdatedTime") ?? default);

    // Outputs and failures are summaries; anything beyond a few hundred KB is cut and says so.
    private static string? Truncated(string? text) =>
        text is { Length: > InlineResultChars } ? text[..InlineResultChars] + $"… [{text.Length - InlineResultChars} more characters]" : text;
}
