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

    /// <summary>The fewest seeds a comparison of schemes or settings may rest on (the series' promise): 5.</summary>
    public const int MinimumSeeds = 5;

    /// <summary>
    /// Checks a claim whose test the caller computed. The evidence is required: the line must show what was measured,
    /// so that a reader can see the claim is not true by construction. Prefer the specific checks below (a claim over
    /// a set is <see cref="ForAll{T}"/>, a ranking over seeds <see cref="EntirelyAbove"/>).
    /// </summary>
    /// <param name="holds">Whether the claim holds.</param>
    /// <param name="claim">The claim in words, as the prose makes it.</param>
    /// <param name="evidence">What was measured, in words and numbers; not empty.</param>
    /// <exception cref="ArgumentException">The claim or the evidence is empty.</exception>
    /// <exception cref="ClaimFailedException"><paramref name="holds"/> is false.</exception>
    public static void That(bool holds, string claim, string evidence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(evidence);
        Report(holds, claim, evidence);
    }

    /// <summary>
    /// Checks a statement about every member of a set, and that the set is as large as the claim needs, so that a
    /// filter that leaves nothing (or too little) fails instead of holding vacuously. The evidence names how many
    /// members were checked and, on failure, how many broke the claim and the first of them.
    /// </summary>
    /// <typeparam name="T">The members' type.</typeparam>
    /// <param name="members">The set the claim is about (e.g. the cells of a grid that theory calls ordered).</param>
    /// <param name="minimumCount">The fewest members for the claim to mean something; at least 1.</param>
    /// <param name="holds">The statement, for one member.</param>
    /// <param name="claim">The claim in words; say what the set is.</param>
    /// <param name="describe">How to name a member in the evidence (default: its ToString).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumCount"/> is below 1.</exception>
    /// <exception cref="ClaimFailedException">The set has fewer members than <paramref name="minimumCount"/>, or a
    /// member breaks the statement.</exception>
    public static void ForAll<T>(IEnumerable<T> members, int minimumCount, Func<T, bool> holds, string claim,
        Func<T, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(holds);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCount, 1);
        describe ??= m => m?.ToString() ?? "null";
        var list = members.ToList();
        var failing = list.Where(m => !holds(m)).ToList();
        if (list.Count < minimumCount)
        {
            Report(false, claim, $"the set has {list.Count} members, fewer than the {minimumCount} the claim needs");
            return;
        }
        Report(failing.Count == 0, claim, failing.Count == 0
            ? $"all {list.Count} of {list.Count}"
            : $"{failing.Count} of {list.Count} break it, first: {describe(failing[0])}");
    }

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
            throw new ArgumentException($"low must not exceed high, and neither may be NaN, but they are {low} and " +
                $"{high}.", nameof(low));
        bool holds = value >= low && value <= high;
        Report(holds, claim,
            $"{Format.Number(value)} {(holds ? "∈" : "∉")} [{Format.Number(low)}, {Format.Number(high)}]");
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
    /// <exception cref="ClaimFailedException">The difference is larger than the tolerance, or a value is
    /// NaN.</exception>
    public static void Close(double value, double expected, double tolerance, string claim)
    {
        if (!(tolerance >= 0) || double.IsInfinity(tolerance))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance,
                "tolerance must be finite and not negative.");
        bool holds = Math.Abs(value - expected) <= tolerance;
        Report(holds, claim,
            $"{Format.Number(value)} {(holds ? "=" : "≠")} {Format.Number(expected)} ± {Format.Number(tolerance)}");
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
            throw new ArgumentException($"low must not exceed high, and neither may be NaN, but they are {low} and " +
                $"{high}.", nameof(low));
        var list = values.ToList();
        if (list.Count == 0) throw new ArgumentException("values must not be empty.", nameof(values));
        int outside = list.Count(v => !(v >= low && v <= high));
        double min = list.Any(double.IsNaN) ? double.NaN : list.Min();
        double max = list.Any(double.IsNaN) ? double.NaN : list.Max();
        Report(outside == 0, claim,
            $"min {Format.Number(min)}, max {Format.Number(max)}, {outside} of {list.Count} outside " +
                $"[{Format.Number(low)}, {Format.Number(high)}]");
    }

    /// <summary>
    /// Checks a ranking that rests on several seeds: every value of <paramref name="higher"/> lies above every value
    /// of <paramref name="lower"/> (their ranges do not overlap), the only case in which the ranking holds whatever the
    /// seed.
    /// </summary>
    /// <param name="higher">The summary claimed to be higher (e.g. He's test accuracies over 5 seeds).</param>
    /// <param name="lower">The summary claimed to be lower.</param>
    /// <param name="claim">The claim in words.</param>
    /// <exception cref="ArgumentException">A summary rests on fewer than <see cref="MinimumSeeds"/> seeds.</exception>
    /// <exception cref="ClaimFailedException">The ranges overlap, or the order is the other way round.</exception>
    public static void EntirelyAbove(SeedSummary higher, SeedSummary lower, string claim)
    {
        CheckSeeds(higher, nameof(higher));
        CheckSeeds(lower, nameof(lower));
        bool holds = higher.IsEntirelyAbove(lower);
        Report(holds, claim, $"min {Format.Number(higher.Min)} {(holds ? ">" : "≤")} max {Format.Number(lower.Max)}, " +
            $"over {higher.Count} and {lower.Count} seeds");
    }

    /// <summary>
    /// Checks that two measurements over seeds cannot be ranked: their ranges [Min, Max] overlap, so some seed puts
    /// either one ahead.
    /// </summary>
    /// <param name="first">One summary (at least <see cref="MinimumSeeds"/> seeds).</param>
    /// <param name="second">The other.</param>
    /// <param name="claim">The claim in words.</param>
    /// <exception cref="ArgumentException">A summary rests on fewer than <see cref="MinimumSeeds"/> seeds.</exception>
    /// <exception cref="ClaimFailedException">One range lies entirely above the other.</exception>
    public static void Overlap(SeedSummary first, SeedSummary second, string claim)
    {
        CheckSeeds(first, nameof(first));
        CheckSeeds(second, nameof(second));
        Report(first.Overlaps(second), claim,
            $"[{Format.Number(first.Min)}, {Format.Number(first.Max)}] and [{Format.Number(second.Min)}, " +
            $"{Format.Number(second.Max)}], over {first.Count} and {second.Count} seeds");
    }

    /// <summary>
    /// Checks that one measurement is higher than another on average over seeds (a weaker claim than
    /// <see cref="EntirelyAbove"/>: say "on average" in the words). The evidence gives both means with their standard
    /// deviations and the seed counts.
    /// </summary>
    /// <param name="higher">The summary claimed to be higher on average (at least <see cref="MinimumSeeds"/>
    /// seeds).</param>
    /// <param name="lower">The summary claimed to be lower.</param>
    /// <param name="claim">The claim in words.</param>
    /// <exception cref="ArgumentException">A summary rests on fewer than <see cref="MinimumSeeds"/> seeds.</exception>
    /// <exception cref="ClaimFailedException">The mean of <paramref name="higher"/> is not above the
    /// other's.</exception>
    public static void MeanAbove(SeedSummary higher, SeedSummary lower, string claim)
    {
        CheckSeeds(higher, nameof(higher));
        CheckSeeds(lower, nameof(lower));
        bool holds = higher.Mean > lower.Mean;
        Report(holds, claim, $"mean {Format.Spread(higher)} {(holds ? ">" : "≤")} {Format.Spread(lower)}, " +
            $"over {higher.Count} and {lower.Count} seeds");
    }

    private static void CheckSeeds(SeedSummary summary, string paramName)
    {
        if (summary.Count < MinimumSeeds)
            throw new ArgumentException(
                $"{paramName} must rest on at least {MinimumSeeds} seeds (the series' rule for comparisons), " +
                $"but it rests on {summary.Count}.", paramName);
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
