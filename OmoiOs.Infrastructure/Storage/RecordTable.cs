using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using OmoiOs.Core.Errors;
using Page = OmoiOs.Core.Ports.Page<Azure.Data.Tables.TableEntity>;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>
/// One table, created on first use, with every storage failure that is not the caller's fault turned into
/// <see cref="StorageUnavailableException"/> (the client's timeouts and retries are set from <see cref="StorageOptions"/>).
/// </summary>
internal sealed class RecordTable(TableServiceClient service, string tableName)
{
    private readonly TableClient _client = service.GetTableClient(tableName);
    private readonly Lock _gate = new();
    private Task? _creation;

    /// <summary>The storage endpoint (scheme, host and port) failures name.</summary>
    public string Endpoint => service.Uri.GetLeftPart(UriPartial.Authority);

    public async Task<TableClient> GetClientAsync(CancellationToken cancellationToken)
    {
        Task creation;
        lock (_gate)
        {
            // A failed attempt is not cached: the next caller tries again.
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = GuardAsync(() => _client.CreateIfNotExistsAsync(CancellationToken.None));
            }

            creation = _creation;
        }

        await creation.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _client;
    }

    public async Task<TableEntity?> FindAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var client = await GetClientAsync(cancellationToken).ConfigureAwait(false);
        var response = await GuardAsync(() => client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    public async IAsyncEnumerable<TableEntity> QueryAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = await GetClientAsync(cancellationToken).ConfigureAwait(false);
        var pages = client.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).AsPages();
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (await GuardAsync(async () => await enumerator.MoveNextAsync().ConfigureAwait(false)).ConfigureAwait(false))
        {
            foreach (var entity in enumerator.Current.Values)
            {
                yield return entity;
            }
        }
    }

    public async Task<List<TableEntity>> QueryListAsync(string filter, CancellationToken cancellationToken)
    {
        var result = new List<TableEntity>();
        await foreach (var entity in QueryAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            result.Add(entity);
        }

        return result;
    }

    public async Task<Page> QueryPageAsync(string filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var client = await GetClientAsync(cancellationToken).ConfigureAwait(false);
        var pages = client.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize);
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        if (!await GuardAsync(async () => await enumerator.MoveNextAsync().ConfigureAwait(false)).ConfigureAwait(false))
        {
            return new Page([], null);
        }

        return new Page(enumerator.Current.Values, enumerator.Current.ContinuationToken);
    }

    /// <summary>Deletes a row whatever its version; a row that is not there is no error.</summary>
    public async Task DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var client = await GetClientAsync(cancellationToken).ConfigureAwait(false);
        await GuardAsync(() => client.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Response>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var client = await GetClientAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await GuardAsync(() => client.SubmitTransactionAsync(actions, cancellationToken)).ConfigureAwait(false);
            return response.Value;
        }
        catch (TableTransactionFailedException failure) when (failure.Status is 409 or 412)
        {
            throw new WriteConflictException(failure.FailedTransactionActionIndex, failure);
        }
        catch (RequestFailedException failure) when (failure.Status is 409 or 412)
        {
            throw new WriteConflictException(actions.Count == 1 ? 0 : null, failure);
        }
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status == 0 || failure.Status >= 500)
        {
            throw new StorageUnavailableException(Endpoint, failure);
        }
        // The client's retries end in an aggregate of every try's failure; a try that hit the network timeout is a
        // TaskCanceledException there (the caller's own cancellation ends the retries before any aggregate is made).
        catch (AggregateException failure) when (failure.InnerExceptions.All(e => e is RequestFailedException or HttpRequestException or TimeoutException or TaskCanceledException))
        {
            throw new StorageUnavailableException(Endpoint, failure);
        }
        catch (TaskCanceledException failure) when (failure.InnerException is TimeoutException)
        {
            throw new StorageUnavailableException(Endpoint, failure);
        }
    }
}

/// <summary>A write lost an optimistic-concurrency race (412) or inserted a row that exists (409).</summary>
internal sealed class WriteConflictException(int? failedActionIndex, Exception innerException)
    : Exception("A concurrent writer changed the partition first.", innerException)
{
    public int? FailedActionIndex { get; } = failedActionIndex;
}
