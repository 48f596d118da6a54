using System.Globalization;

namespace OmoiOs.Benchmarks.Support;

/// <summary>Figures print with a dot for decimals whatever the machine's culture.</summary>
public static class Invariant
{
    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
