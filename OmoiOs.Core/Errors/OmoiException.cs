namespace OmoiOs.Core.Errors;

/// <summary>The root of every error OmoiOs raises on purpose. Hosts map each subclass to one HTTP status.</summary>
public abstract class OmoiException : Exception
{
    protected OmoiException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
