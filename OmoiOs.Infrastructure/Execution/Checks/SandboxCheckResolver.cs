using System.Globalization;
using System.Text;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;

namespace OmoiOs.Infrastructure.Execution.Checks;

/// <summary>
/// Chooses a planned test command's best <see cref="CheckCandidate"/> by probing the sandbox itself (what the host has
/// does not count: the sandbox sees only /usr, the read-only paths and the workspace). The probe runs once per run of
/// a spec (its key) and is kept for the few latest runs; concurrent first callers share one probe, and a failed probe
/// is not kept.
/// </summary>
public sealed class SandboxCheckResolver
{
    public const int Capacity = 64;
    private const string Marker = "omoi-probe";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<ResolvedCheck>> _probes = new(StringComparer.Ordinal);
    private readonly Queue<string> _arrivals = new();

    /// <param name="runKey">What makes two sandboxes alike for the probe: the spec and its setup step.</param>
    public async Task<ResolvedCheck> ResolveAsync(ISandbox sandbox, string runKey, string planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentException.ThrowIfNullOrWhiteSpace(runKey);
        var candidates = CheckCatalog.CandidatesFor(planned);
        if (candidates is [{ Probe: null } unprobed])
        {
            return new ResolvedCheck(unprobed, "the planned check is a command of the repository's own; it runs as planned");
        }

        var key = $"{runKey}\n{planned.Trim()}";
        TaskCompletionSource<ResolvedCheck>? owned = null;
        Task<ResolvedCheck> shared;
        lock (_gate)
        {
            if (!_probes.TryGetValue(key, out shared!) || shared.IsFaulted || shared.IsCanceled)
            {
                owned = new TaskCompletionSource<ResolvedCheck>(TaskCreationOptions.RunContinuationsAsynchronously);
                shared = owned.Task;
                if (!_probes.ContainsKey(key))
                {
                    _arrivals.Enqueue(key);
                }

                _probes[key] = shared;
                while (_probes.Count > Capacity)
                {
                    _probes.Remove(_arrivals.Dequeue());
                }
            }
        }

        if (owned is not null)
        {
            try
            {
                owned.SetResult(await ProbeAsync(sandbox, candidates, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception exception)
            {
                owned.SetException(exception);
                throw;
            }
        }

        try
        {
            return await shared.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (owned is null && !cancellationToken.IsCancellationRequested)
        {
            // The sharing prober's attempt failed or was cancelled, not this one: probe here instead.
            return await ProbeAsync(sandbox, candidates, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ResolvedCheck> ProbeAsync(ISandbox sandbox, IReadOnlyList<CheckCandidate> candidates, CancellationToken cancellationToken)
    {
        var script = new StringBuilder();
        for (var i = 0; i < candidates.Count; i++)
        {
            // The probe's first line names what was found (a version); its last line says why not.
            script.Append(CultureInfo.InvariantCulture, $"if out=$( ({candidates[i].Probe}) 2>&1 ); then echo \"{Marker} {i} ok $(printf '%s\\n' \"$out\" | head -n 1)\"; ")
                .Append(CultureInfo.InvariantCulture, $"else echo \"{Marker} {i} missing $(printf '%s\\n' \"$out\" | tail -n 1)\"; fi\n");
        }

        var result = await sandbox.RunAsync(new SandboxCommand(script.ToString(), ProbeTimeout), cancellationToken).ConfigureAwait(false);
        var found = result.Output.Split('\n')
            .Where(line => line.StartsWith(Marker + " ", StringComparison.Ordinal))
            .Select(line => line.Split(' ', 4))
            .Where(parts => parts.Length >= 3)
            .ToDictionary(parts => int.Parse(parts[1], CultureInfo.InvariantCulture), parts => (Ok: parts[2] == "ok", Detail: parts.Length > 3 ? parts[3].Trim() : ""));
        if (!result.Succeeded || found.Count != candidates.Count)
        {
            throw new SandboxUnavailableException(sandbox.Id, $"probing the sandbox for the check's tools failed (exit {result.ExitCode}): {result.Output.Trim()}");
        }

        var chosen = Enumerable.Range(0, candidates.Count).FirstOrDefault(i => found[i].Ok, -1);
        string Found(int i) => $"`{candidates[i].Probe}`: {(found[i].Detail.Length == 0 ? found[i].Ok ? "ok" : "failed" : found[i].Detail)}";
        if (chosen == 0)
        {
            return new ResolvedCheck(candidates[0], $"the sandbox has {candidates[0].Needs} ({Found(0)}){ImportPathReason(candidates[0])}");
        }

        var missing = string.Join("; ", Enumerable.Range(0, chosen < 0 ? candidates.Count : chosen).Select(i => $"no {candidates[i].Needs} ({Found(i)})"));
        if (chosen < 0)
        {
            return new ResolvedCheck(null,
                $"no check can run in the sandbox: {missing}. {CheckCatalog.WaysToProvideTools}");
        }

        var fallback = candidates[chosen];
        return new ResolvedCheck(fallback, $"the sandbox has {missing}; running the fallback instead, which {fallback.Explanation} ({Found(chosen)}){ImportPathReason(fallback)}");
    }

    private static string ImportPathReason(CheckCandidate candidate) => candidate.ImportPathReason.Length == 0 ? "" : $"; {candidate.ImportPathReason}";
}
