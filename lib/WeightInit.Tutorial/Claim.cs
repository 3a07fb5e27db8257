using WeightInit.Statistics;

namespace WeightInit.Tutorial;

/// <summary>
/// A notebook's claims, checked where they are made: each method tests one statement of the prose against the
/// number the experiment produced, prints one line <c>✓ claim (evidence)</c> to the console when it holds, and
/// throws a <see cref="ClaimFailedException"/> when it does not, so that the notebook fails wherever it runs
/// (Jupyter, VS Code, the notebook tool's run and check, the generated apps).
/// </summary>
/// <remarks>
/// The tolerance of a claim is part of the claim: state it in the words (e.g. "within [0.5, 2]") and pass the
/// same bounds here. NaN satisfies no claim. Numbers in the evidence are printed with 3 significant digits
/// (<see cref="Format.Number(double)"/>), culture-invariant.
/// </remarks>
public static class Claim
{
    /// <summary>The mark that starts the line of a claim that holds.</summary>
    public const string HoldsMark = "✓";

    /// <summary>The mark that starts the message of a claim that fails.</summary>
    public const string FailsMark = "✗";

    /// <summary>Checks a claim whose test the caller computed.</summary>
    /// <param name="holds">Whether the claim holds.</param>
    /// <param name="claim">The claim in words, as the prose makes it.</param>
    /// <param name="evidence">What was measured, in words and numbers (may be empty).</param>
    /// <exception cref="ClaimFailedException"><paramref name="holds"/> is false.</exception>
    public static void That(bool holds, string claim, string evidence = "") => Report(holds, claim, evidence);

    /// <summary>Checks that low ≤ value ≤ high.</summary>
    /// <param name="value">The measured value.</param>
    /// <param name="low">The smallest value the claim allows.</param>
    /// <param name="high">The largest value the claim allows.</param>
    /// <param name="claim">The claim in words.</param>
    /// <exception cref="ArgumentException">low &gt; high, or a bound is NaN.</exception>
    /// <exception cref="ClaimFailedException">The value is outside [low, high] or NaN.</exception>
    public static void Within(double value, double low, double high, string claim)
    {
        if (double.IsNaN(low) || double.IsNaN(high) || low > high)
            throw new ArgumentException($"low must not exceed high, and neither may be NaN, but they are {low} and {high}.", nameof(low));
        bool holds = value >= low && value <= high;
        Report(holds, claim, $"{Format.Number(value)} {(holds ? "∈" : "∉")} [{Format.Number(low)}, {Format.Number(high)}]");
    }

    /// <summary>Checks that value ≥ minimum.</summary>
    /// <param name="value">The measured value.</param>
    /// <param name="minimum">The smallest value the claim allows.</param>
    /// <param name="claim">The claim in words.</param>
    /// <exception cref="ArgumentException">The minimum is NaN.</exception>
    /// <exception cref="ClaimFailedException">The value is below the minimum or NaN.</exception>
    public static void AtLeast(double value, double minimum, string claim)
    {
        if (double.IsNaN(minimum)) throw new ArgumentException("minimum must not be NaN.", nameof(minimum));
        bool holds = value >= minimum;
        Report(holds, claim, $"{Format.Number(value)} {(holds ? "≥" : "<")} {Format.Number(minimum)}");
    }

    /// <summary>Checks that value ≤ maximum.</summary>
    /// <param name="value">The measured value.</param>
    /// <param name="maximum">The largest value the claim allows.</param>
    /// <param name="claim">The claim in words.</param>
    /// <exception cref="ArgumentException">The maximum is NaN.</exception>
    /// <exception cref="ClaimFailedException">The value is above the maximum or NaN.</exception>
    public static void AtMost(double value, double maximum, string claim)
    {
        if (double.IsNaN(maximum)) throw new ArgumentException("maximum must not be NaN.", nameof(maximum));
        bool holds = value <= maximum;
        Report(holds, claim, $"{Format.Number(value)} {(holds ? "≤" : ">")} {Format.Number(maximum)}");
    }

    /// <summary>Checks that |value - expected| ≤ tolerance.</summary>
    /// <param name="value">The measured value.</param>
    /// <param name="expected">The value the claim names (a prediction, a published figure).</param>
    /// <param name="tolerance">The largest absolute difference the claim allows; finite and not negative.</param>
    /// <param name="claim">The claim in words.</param>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative, infinite or NaN.</exception>
    /// <exception cref="ClaimFailedException">The difference is larger than the tolerance, or a value is NaN.</exception>
    public static void Close(double value, double expected, double tolerance, string claim)
    {
        if (!(tolerance >= 0) || double.IsInfinity(tolerance))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be finite and not negative.");
        bool holds = Math.Abs(value - expected) <= tolerance;
        Report(holds, claim, $"{Format.Number(value)} {(holds ? "=" : "≠")} {Format.Number(expected)} ± {Format.Number(tolerance)}");
    }

    /// <summary>Checks that every value lies in [low, high], and names the extremes in the evidence.</summary>
    /// <param name="values">The measured values (e.g. one per layer); at least one.</param>
    /// <param name="low">The smallest value the claim allows.</param>
    /// <param name="high">The largest value the claim allows.</param>
    /// <param name="claim">The claim in words.</param>
    /// <exception cref="ArgumentException">No values, low &gt; high, or a bound is NaN.</exception>
    /// <exception cref="ClaimFailedException">A value is outside [low, high] or NaN.</exception>
    public static void AllWithin(IEnumerable<double> values, double low, double high, string claim)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (double.IsNaN(low) || double.IsNaN(high) || low > high)
            throw new ArgumentException($"low must not exceed high, and neither may be NaN, but they are {low} and {high}.", nameof(low));
        var list = values.ToList();
        if (list.Count == 0) throw new ArgumentException("values must not be empty.", nameof(values));
        int outside = list.Count(v => !(v >= low && v <= high));
        double min = list.Any(double.IsNaN) ? double.NaN : list.Min(), max = list.Any(double.IsNaN) ? double.NaN : list.Max();
        Report(outside == 0, claim,
            $"min {Format.Number(min)}, max {Format.Number(max)}, {outside} of {list.Count} outside [{Format.Number(low)}, {Format.Number(high)}]");
    }

    /// <summary>
    /// Checks a ranking that rests on several seeds: every value of <paramref name="higher"/> lies above every value
    /// of <paramref name="lower"/> (their ranges do not overlap), the only case in which the ranking holds whatever the
    /// seed.
    /// </summary>
    /// <param name="higher">The summary claimed to be higher (e.g. He's test accuracies over 5 seeds).</param>
    /// <param name="lower">The summary claimed to be lower.</param>
    /// <param name="claim">The claim in words.</param>
    /// <exception cref="ClaimFailedException">The ranges overlap, or the order is the other way round.</exception>
    public static void EntirelyAbove(SeedSummary higher, SeedSummary lower, string claim)
    {
        bool holds = higher.IsEntirelyAbove(lower);
        Report(holds, claim, $"min {Format.Number(higher.Min)} {(holds ? ">" : "≤")} max {Format.Number(lower.Max)}, " +
            $"over {higher.Count} and {lower.Count} seeds");
    }

    private static void Report(bool holds, string claim, string evidence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        ArgumentNullException.ThrowIfNull(evidence);
        string text = evidence.Length == 0 ? claim : $"{claim} ({evidence})";
        if (!holds) throw new ClaimFailedException(claim, evidence, $"{FailsMark} {text}");
        Console.WriteLine($"{HoldsMark} {text}");
    }
}
