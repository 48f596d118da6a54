namespace Microsoft.Azure.Functions.Worker.Middleware;

/// <summary>One step of the invocation pipeline.</summary>
public delegate Task FunctionExecutionDelegate(FunctionContext context);
