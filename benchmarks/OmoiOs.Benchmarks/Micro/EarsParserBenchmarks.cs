using BenchmarkDotNet.Attributes;
using OmoiOs.Core.Planning.Ears;

namespace OmoiOs.Benchmarks.Micro;

/// <summary>
/// The EARS parser on one sentence of each shape, and on a REQUIREMENTS phase's worth of sentences, as the
/// requirements evaluator parses every requirement of every attempt. Not sealed: BenchmarkDotNet derives from it.
/// </summary>
[MemoryDiagnoser]
public class EarsParserBenchmarks
{
    private readonly string[] _batch =
    [
        "The system shall log every failed sign-in attempt with its timestamp and source IP.",
        "When the user clicks \"Save\", the editor shall persist the draft within 500 ms.",
        "While the device is offline, the mobile app shall queue outgoing messages locally.",
        "If the session token has expired, then the API shall respond with status 401.",
        "Where the organisation has SSO enabled, the login page shall show the SSO button.",
        "While the user is signed in, when the session is idle for 30 minutes, the system shall sign the user out.",
        "WHEN a user submits the registration form THEN the system SHALL validate every field.",
        "When the user clicks save the system should persist the draft quickly and shall notify the user.",
    ];

    [Params(
        "The system shall log every failed sign-in attempt with its timestamp and source IP.",
        "While the user is signed in, when the session is idle for 30 minutes, the system shall sign the user out.",
        "When the user clicks save the system should persist the draft quickly and shall notify the user.")]
    public string Sentence { get; set; } = "";

    [Benchmark]
    public EarsParseResult Parse() => EarsParser.Parse(Sentence);

    [Benchmark]
    public IReadOnlyList<EarsToken> Tokenize() => EarsTokenizer.Tokenize(Sentence);

    [Benchmark(OperationsPerInvoke = 8)]
    public int ParseBatch()
    {
        var findings = 0;
        foreach (var sentence in _batch)
        {
            findings += EarsParser.Parse(sentence).Findings.Count;
        }

        return findings;
    }
}
