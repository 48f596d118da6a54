namespace Microsoft.DurableTask;

/// <summary>
/// Durable's own pageable (not Azure.Core's): what <c>DurableTaskClient.GetAllInstancesAsync</c> returns.
/// Enumerating it walks <see cref="AsPages"/> page by page, as the real one does.
/// </summary>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
    where T : notnull
{
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = default, int? pageSizeHint = default);

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        // No ConfigureAwait(false): this may be enumerated inside an orchestration.
        await foreach (var page in AsPages().WithCancellation(cancellationToken))
        {
            foreach (var value in page.Values)
            {
                yield return value;
            }
        }
    }
}
