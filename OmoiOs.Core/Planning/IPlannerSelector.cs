namespace OmoiOs.Core.Planning;

/// <summary>Finds the planner for a spec: the one its options name, or the host's default (<c>OMOI_PLANNER</c>).</summary>
public interface IPlannerSelector
{
    /// <summary>The default planner's name on this host.</summary>
    string DefaultName { get; }

    /// <summary>The planner called <paramref name="name"/>; null or blank means <see cref="DefaultName"/>.</summary>
    /// <exception cref="Core.Errors.ValidationFailedException">On the field <c>planner</c> when no planner of that name is available.</exception>
    IPlanner Resolve(string? name);
}
