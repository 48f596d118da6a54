namespace OmoiOs.Core.Workflow.Activities;

/// <summary>An activity as the engines see it: the name it is called by, the class that runs it, its input and output records.</summary>
public sealed record WorkflowActivityDescriptor(string Name, Type ActivityType, Type InputType, Type OutputType);
