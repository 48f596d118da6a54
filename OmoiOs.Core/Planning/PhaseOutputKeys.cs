using OmoiOs.Core.Domain;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Planning;

/// <summary>Where each phase's accepted output is kept in the large-text store.</summary>
public static class PhaseOutputKeys
{
    public static string For(SpecPhase phase) => "phase-" + phase.ToWire();
}
