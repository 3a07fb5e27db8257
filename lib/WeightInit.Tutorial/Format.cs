using System.Globalization;
using WeightInit.Statistics;

namespace WeightInit.Tutorial;

/// <summary>Culture-invariant number formatting for the notebooks' printed lines.</summary>
public static class Format
{
    /// <summary>
    /// A number rounded to 3 significant digits: fixed notation for magnitudes in [1e-3, 1e5) ("0.572",
    /// "22.6", "1020"; whole numbers there keep their integer digits), scientific with a lower-case e and no
    /// plus sign otherwise ("5.08e-16", "3.4e38"), "0" for zero, and "NaN", "∞", "-∞" for the special values.
    /// </summary>
    /// <param name="value">The number.</param>
    /// <returns>Its short form.</returns>
    public static string Number(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "∞";
        if (double.IsNegativeInfinity(value)) return "-∞";
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e5)
        {
            // Round to 3 significant digits, then print without exponent or trailing zeros.
            int digits = Math.Max(0, 2 - (int)Math.Floor(Math.Log10(magnitude)));
            return Math.Round(value, Math.Min(digits, 15), MidpointRounding.AwayFromZero)
                .ToString("0.##########", CultureInfo.InvariantCulture);
        }
        string s = value.ToString("0.##e+0", CultureInfo.InvariantCulture);
        return s.Replace("e+", "e", StringComparison.Ordinal);
    }

    /// <summary>
    /// A measurement over several seeds as "mean ± std" (each with <see cref="Number"/>), optionally scaled first
    /// (e.g. by 100 for a fraction shown in percent): "93.3 ± 0.84".
    /// </summary>
    /// <param name="summary">The summary over the seeds.</param>
    /// <param name="scale">The factor both numbers are multiplied by; finite.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scale is not finite.</exception>
    public static string Spread(SeedSummary summary, double scale = 1)
    {
        if (!double.IsFinite(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale,
            "scale must be finite.");
        return $"{Number(summary.Mean * scale)} ± {Number(summary.Std * scale)}";
    }
}
