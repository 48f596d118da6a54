using System.Runtime.CompilerServices;

namespace Microsoft.DurableTask;

/// <summary>Builds an <see cref="AsyncPageable{T}"/> from a page-fetching function (handy in tests).</summary>
public static class Pageable
{
    public static AsyncPageable<T> Create<T>(Func<string?, CancellationToken, Task<Page<T>>> pageFunc)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(pageFunc);
        return Create<T>((continuation, _, cancellation) => pageFunc(continuation, cancellation));
    }

    public static AsyncPageable<T> Create<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> pageFunc)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(pageFunc);
        return new FunctionPageable<T>(pageFunc);
    }

    private sealed class FunctionPageable<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> pageFunc) : AsyncPageable<T>
        where T : notnull
    {
        public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = default, int? pageSizeHint = default) =>
            Pages(continuationToken, pageSizeHint);

        private async IAsyncEnumerable<Page<T>> Pages(
            string? continuationToken,
            int? pageSizeHint,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            do
            {
                var page = await pageFunc(continuationToken, pageSizeHint, cancellationToken);
                yield return page;
                continuationToken = page.ContinuationToken;
            }
            while (continuationToken is not null);
        }
    }
}
