namespace OmoiOs.Core.Ports;

/// <summary>New random ids outside workflow code (which uses <c>IWorkflowContext.NewGuid</c>).</summary>
public interface IIdGenerator
{
    Guid NewGuid();
}
