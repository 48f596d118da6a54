using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Ears;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Sync;

/// <summary>
/// The records SYNC makes of one planned requirement: ids from the spec and the planner's key, the EARS pattern from
/// the sentence. New records are pending and their criteria unmet; SYNC carries the stored status over.
/// </summary>
public static class RequirementRecords
{
    public static SpecRequirement Requirement(string specId, PlannedRequirement planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var ears = EarsParser.Parse(planned.Text);
        return new SpecRequirement
        {
            Id = RecordIds.Requirement(specId, planned.Id),
            SpecId = specId,
            Key = planned.Id,
            Title = planned.Title,
            Text = planned.Text,
            Pattern = ears.Pattern,
            Condition = string.IsNullOrWhiteSpace(planned.Condition) ? ears.Condition : planned.Condition,
            Action = string.IsNullOrWhiteSpace(planned.Action) ? ears.Response?.Text ?? planned.Text : planned.Action,
            Category = planned.Type,
            Priority = planned.Priority,
        };
    }

    public static IEnumerable<SpecAcceptanceCriterion> Criteria(string specId, PlannedRequirement planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var requirementId = RecordIds.Requirement(specId, planned.Id);
        return planned.AcceptanceCriteria.Select((text, index) => new SpecAcceptanceCriterion
        {
            Id = RecordIds.Criterion(specId, planned.Id, index + 1),
            SpecId = specId,
            RequirementId = requirementId,
            Ordinal = index + 1,
            Text = text,
        });
    }
}
