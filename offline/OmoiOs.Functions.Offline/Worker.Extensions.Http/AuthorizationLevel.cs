namespace Microsoft.Azure.Functions.Worker;

/// <summary>Which key, if any, an HTTP trigger demands.</summary>
public enum AuthorizationLevel
{
    Anonymous = 0,
    User = 1,
    Function = 2,
    System = 3,
    Admin = 4,
}
