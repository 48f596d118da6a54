using OmoiOs.Core.Domain;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Planning;

/// <summary>Where each phase's accepted output is kept in the large-text store, and the one it replaced.</summary>
public static class PhaseOutputKeys
{
    public static string For(SpecPhase phase) => "phase-" + phase.ToWire();

    /// <summary>The accepted output a later accepted attempt replaced (a rejection's re-plan), kept to show what changed.</summary>
    public static string Replaced(SpecPhase phase) => For(phase) + "-replaced";
}
