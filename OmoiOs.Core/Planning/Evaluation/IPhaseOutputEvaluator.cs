namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>The rule-based, deterministic scoring of one phase's output.</summary>
public interface IPhaseOutputEvaluator<in TOutput>
    where TOutput : class
{
    PhaseEvaluation Evaluate(TOutput output, PriorOutputs prior);
}
