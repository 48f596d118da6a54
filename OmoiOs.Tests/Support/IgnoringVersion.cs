namespace OmoiOs.Tests.Support;

/// <summary>Compares records after a normalising projection (clearing the store's ETag, say).</summary>
public sealed class IgnoringVersion<T>(Func<T, T> normalise) : IEqualityComparer<T>
{
    public bool Equals(T? x, T? y) =>
        x is null || y is null ? ReferenceEquals(x, y) : EqualityComparer<T>.Default.Equals(normalise(x), normalise(y));

    public int GetHashCode(T obj) => EqualityComparer<T>.Default.GetHashCode(normalise(obj)!);
}
