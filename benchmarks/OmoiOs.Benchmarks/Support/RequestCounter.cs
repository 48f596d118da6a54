using Azure.Core;
using Azure.Core.Pipeline;

namespace OmoiOs.Benchmarks.Support;

/// <summary>Counts the storage requests a figure makes, by kind, so that a figure can say where round trips go.</summary>
public sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _reads;
    private long _transactions;
    private long _otherWrites;

    public long Reads => Interlocked.Read(ref _reads);

    public long Transactions => Interlocked.Read(ref _transactions);

    public long OtherWrites => Interlocked.Read(ref _otherWrites);

    public long Total => Reads + Transactions + OtherWrites;

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = message.Request;
        if (request.Method == RequestMethod.Get)
        {
            Interlocked.Increment(ref _reads);
        }
        else if (request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _transactions);
        }
        else
        {
            Interlocked.Increment(ref _otherWrites);
        }
    }

    public Snapshot Take() => new(Reads, Transactions, OtherWrites);

    public sealed record Snapshot(long Reads, long Transactions, long OtherWrites)
    {
        public Snapshot Since(Snapshot earlier) => new(Reads - earlier.Reads, Transactions - earlier.Transactions, OtherWrites - earlier.OtherWrites);

        public string PerItem(int items) => Invariant.Format(
            $"{(double)Reads / items:F1} reads + {(double)Transactions / items:F1} transactions + {(double)OtherWrites / items:F1} other writes per task");
    }
}
