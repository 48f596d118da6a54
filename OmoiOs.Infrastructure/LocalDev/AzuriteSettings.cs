namespace OmoiOs.Infrastructure.LocalDev;

/// <summary>Where an Azurite OmoiOs starts keeps its files (data, pid, log) and the loopback ports it listens on.</summary>
/// <param name="Directory">Azurite's <c>--location</c>; <c>azurite.pid</c> and <c>azurite.log</c> live there too.</param>
public sealed record AzuriteSettings(string Directory)
{
    /// <summary>The development storage ports (<c>UseDevelopmentStorage=true</c>).</summary>
    public const int DefaultBlobPort = 10000;

    public int BlobPort { get; init; } = DefaultBlobPort;

    public int QueuePort { get; init; } = DefaultBlobPort + 1;

    public int TablePort { get; init; } = DefaultBlobPort + 2;

    public string PidFile => Path.Combine(Directory, "azurite.pid");

    public string LogFile => Path.Combine(Directory, "azurite.log");

    /// <summary>A connection string for these ports with the emulator's well-known account (tests on their own ports use it).</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";
}
