using System.Text;

namespace OmoiOs.Infrastructure.Sandboxes;

/// <summary>
/// Collects a command's output within a fixed memory budget: the first half of the budget keeps the head, a ring buffer
/// keeps the tail, and everything in between is counted but dropped, so a flood of output cannot exhaust memory.
/// Thread-safe: stdout and stderr may append concurrently.
/// </summary>
internal sealed class CappedOutput
{
    private readonly Lock _lock = new();
    private readonly int _headLimit;
    private readonly int _tailLimit;
    private byte[]? _head;
    private int _headCount;
    private byte[]? _tail;
    private int _tailStart;
    private int _tailCount;

    public CappedOutput(long limitBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limitBytes, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limitBytes, int.MaxValue);
        _headLimit = (int)(limitBytes / 2);
        _tailLimit = (int)limitBytes - _headLimit;
    }

    public long TotalBytes { get; private set; }

    public bool Truncated
    {
        get
        {
            lock (_lock)
            {
                return TotalBytes > _headLimit + _tailLimit;
            }
        }
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            TotalBytes += bytes.Length;
            var toHead = Math.Min(bytes.Length, _headLimit - _headCount);
            if (toHead > 0)
            {
                if (_head is null || _head.Length < _headCount + toHead)
                {
                    // Grow geometrically: most commands print little, so the full head budget is rarely allocated.
                    Array.Resize(ref _head, Math.Min(_headLimit, Math.Max(_headCount + toHead, Math.Max(4096, (_head?.Length ?? 0) * 2))));
                }

                bytes[..toHead].CopyTo(_head.AsSpan(_headCount));
                _headCount += toHead;
                bytes = bytes[toHead..];
            }

            if (!bytes.IsEmpty)
            {
                AppendTail(bytes);
            }
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            var head = _head is null ? "" : Encoding.UTF8.GetString(_head, 0, _headCount);
            var tail = Encoding.UTF8.GetString(TailBytes());
            var omitted = TotalBytes - _headCount - _tailCount;
            return omitted > 0
                ? $"{head}\n[... {omitted} bytes omitted; the command printed {TotalBytes} bytes in all ...]\n{tail}"
                : head + tail;
        }
    }

    private void AppendTail(ReadOnlySpan<byte> bytes)
    {
        _tail ??= new byte[_tailLimit];
        if (bytes.Length >= _tailLimit)
        {
            bytes[^_tailLimit..].CopyTo(_tail);
            _tailStart = 0;
            _tailCount = _tailLimit;
            return;
        }

        var end = (_tailStart + _tailCount) % _tailLimit;
        var first = Math.Min(bytes.Length, _tailLimit - end);
        bytes[..first].CopyTo(_tail.AsSpan(end));
        bytes[first..].CopyTo(_tail);
        var overflow = Math.Max(0, _tailCount + bytes.Length - _tailLimit);
        _tailCount = Math.Min(_tailLimit, _tailCount + bytes.Length);
        _tailStart = (_tailStart + overflow) % _tailLimit;
    }

    private byte[] TailBytes()
    {
        if (_tail is null || _tailCount == 0)
        {
            return [];
        }

        var result = new byte[_tailCount];
        var first = Math.Min(_tailCount, _tailLimit - _tailStart);
        _tail.AsSpan(_tailStart, first).CopyTo(result);
        _tail.AsSpan(0, _tailCount - first).CopyTo(result.AsSpan(first));
        return result;
    }
}
