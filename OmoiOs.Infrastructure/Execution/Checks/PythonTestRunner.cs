namespace OmoiOs.Infrastructure.Execution.Checks;

/// <summary>
/// OmoiOs's standard-library runner of pytest-style tests (<c>run_python_tests.py</c>, embedded), the check for Python
/// tests when the sandbox has python3 but no pytest. What it runs and does not is said in the script's docstring.
/// </summary>
internal static class PythonTestRunner
{
    private const string ResourceName = "OmoiOs.Checks/run_python_tests.py";

    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = typeof(PythonTestRunner).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static ReadOnlyMemory<byte> Content => Bytes.Value;
}
