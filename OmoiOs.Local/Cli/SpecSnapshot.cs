using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;

namespace OmoiOs.Local.Cli;

/// <summary>What the progress display shows at one moment.</summary>
internal sealed record SpecSnapshot(Spec Spec, ExecutionStatus Tasks, IReadOnlyList<string> PhaseScores, TimeSpan Elapsed);
