using Microsoft.Extensions.Logging;

namespace Microsoft.DurableTask;

/// <summary>
/// What an orchestrator function gets. Abstract members stay abstract (mock them); the convenience overloads carry
/// the real package's thin logic over the abstract ones, so <c>Mock&lt;TaskOrchestrationContext&gt;</c> behaves as
/// it does against the real package. (Entities and version comparison are left out of the offline surface.)
/// </summary>
public abstract class TaskOrchestrationContext
{
    private ILoggerFactory? _replaySafeLoggerFactory;

    public abstract TaskName Name { get; }

    public abstract string InstanceId { get; }

    public abstract ParentOrchestrationInstance? Parent { get; }

    public abstract DateTime CurrentUtcDateTime { get; }

    public abstract bool IsReplaying { get; }

    public virtual string Version => string.Empty;

    public virtual IReadOnlyDictionary<string, object?> Properties { get; } = new Dictionary<string, object?>();

    public virtual ILoggerFactory ReplaySafeLoggerFactory => _replaySafeLoggerFactory ??= new ReplaySafeFactory(this);

    protected abstract ILoggerFactory LoggerFactory { get; }

    public abstract T? GetInput<T>();

    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object>(name, input, options);

    public virtual Task CallActivityAsync(TaskName name, TaskOptions options) =>
        CallActivityAsync(name, null, options);

    public virtual Task<TResult> CallActivityAsync<TResult>(TaskName name, TaskOptions options) =>
        CallActivityAsync<TResult>(name, null, options);

    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    public Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout) =>
        WaitForExternalEvent<T>(eventName, timeout, CancellationToken.None);

    /// <summary>
    /// Races the event against a durable timer. When the timer wins, the event wait is cancelled, so awaiting the
    /// result throws <see cref="TaskCanceledException"/>; when the event wins, the timer is cancelled.
    /// </summary>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timerCancellation = new CancellationTokenSource();
        var timer = CreateTimer(timeout, timerCancellation.Token);

        using var eventCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var externalEvent = WaitForExternalEvent<T>(eventName, eventCancellation.Token);

        // Cancel synchronously: an orchestrator runs on one thread, CancelAsync would run the callbacks elsewhere.
        var first = await Task.WhenAny(timer, externalEvent);
#pragma warning disable CA1849
        if (first == externalEvent)
        {
            timerCancellation.Cancel();
        }
        else
        {
            eventCancellation.Cancel();
        }
#pragma warning restore CA1849

        return await externalEvent;
    }

    public abstract void SendEvent(string instanceId, string eventName, object payload);

    public abstract void SetCustomStatus(object? customStatus);

    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    public virtual Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, TaskOptions options) =>
        CallSubOrchestratorAsync<TResult>(orchestratorName, null, options);

    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, TaskOptions options) =>
        CallSubOrchestratorAsync(orchestratorName, null, options);

    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        CallSubOrchestratorAsync<object>(orchestratorName, input, options);

    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    public virtual void ContinueAsNew(ContinueAsNewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ContinueAsNew(options.NewInput, options.PreserveUnprocessedEvents);
    }

    public abstract Guid NewGuid();

    public virtual ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, UnderlyingLoggerFactory().CreateLogger(categoryName));

    public virtual ILogger CreateReplaySafeLogger(Type type) =>
        new ReplaySafeLogger(this, UnderlyingLoggerFactory().CreateLogger(type));

    public virtual ILogger CreateReplaySafeLogger<T>() =>
        new ReplaySafeLogger(this, UnderlyingLoggerFactory().CreateLogger<T>());

    // A wrapper context may hand out its inner context's replay-safe factory; unwrap it so loggers are not double-wrapped.
    private ILoggerFactory UnderlyingLoggerFactory()
    {
        const int MaxUnwrapDepth = 10;
        var factory = LoggerFactory;
        for (var depth = 0; factory is ReplaySafeFactory replaySafe; depth++)
        {
            if (depth == MaxUnwrapDepth)
            {
                throw new InvalidOperationException(
                    "A wrapper context's LoggerFactory must return the inner context's ReplaySafeLoggerFactory, not its own.");
            }

            factory = replaySafe.Context.LoggerFactory;
        }

        return factory;
    }

    private sealed class ReplaySafeLogger(TaskOrchestrationContext context, ILogger logger) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull =>
            logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                logger.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }

    private sealed class ReplaySafeFactory(TaskOrchestrationContext context) : ILoggerFactory
    {
        public TaskOrchestrationContext Context { get; } = context;

        public ILogger CreateLogger(string categoryName) => Context.CreateReplaySafeLogger(categoryName);

        public void AddProvider(ILoggerProvider provider) =>
            throw new NotSupportedException("Adding providers to the replay-safe logger factory is not supported.");

        public void Dispose()
        {
            // The factory it wraps belongs to the context.
        }
    }
}
