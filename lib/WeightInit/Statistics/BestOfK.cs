namespace WeightInit.Statistics;

/// <summary>
/// Restarts as a search: n runs have been made (e.g. trainings from n random starts); if only k of them had been made,
/// chosen at random, and the one with the lowest <c>selectBy</c> value (e.g. training loss) kept, what would its
/// <c>report</c> value (e.g. test accuracy) be on average? The average over all C(n, k) subsets, computed exactly from
/// the
/// order statistics of the n runs, not estimated by resampling.
/// </summary>
/// <remarks>
/// Sort the runs by <c>selectBy</c>, best first (ties in input order). The run of rank i (0-based) is the best of a
/// random
/// k-subset exactly when the subset contains it and k - 1 of the n - 1 - i runs ranked below it:
/// P(i) = C(n - 1 - i, k - 1) / C(n, k). The expected report value is sum_i P(i) report(i). With k = 1 it is the mean
/// of
/// the report values; with k = n it is the report value of the best run.
/// </remarks>
public static class BestOfK
{
    /// <summary>The expected <paramref name="report"/> value of the run with the lowest <paramref name="selectBy"/>
    /// value among k runs drawn without replacement.</summary>
    /// <param name="selectBy">One value per run, the lower the better (e.g. the final training loss); finite.</param>
    /// <param name="report">One value per run, in the same order (e.g. its test accuracy); finite.</param>
    /// <param name="k">How many runs are made, 1 to n.</param>
    /// <returns>The expected report value of the chosen run.</returns>
    /// <exception cref="ArgumentException">The lists are empty, differ in length, or hold a value that is not
    /// finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k is outside 1 to n.</exception>
    public static double ExpectedValueOfBest(IReadOnlyList<double> selectBy, IReadOnlyList<double> report, int k)
    {
        var probabilities = ChoiceProbabilities(selectBy, k);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Count != selectBy.Count)
            throw new ArgumentException($"report must have one value per run ({selectBy.Count}), but it has " +
                $"{report.Count}.", nameof(report));
        double expected = 0;
        for (int i = 0; i < report.Count; i++)
        {
            if (!double.IsFinite(report[i])) throw new ArgumentException($"report must be finite, but report[{i}] is " +
                $"{report[i]}.", nameof(report));
            expected += probabilities[i] * report[i];
        }
        return expected;
    }

    /// <summary>
    /// The probability that each run is the one kept: the best of k runs drawn without replacement from the n, by the
    /// lowest <paramref name="selectBy"/> value (ties go to the run listed first).
    /// </summary>
    /// <param name="selectBy">One value per run, the lower the better; finite, at least one.</param>
    /// <param name="k">How many runs are made, 1 to n.</param>
    /// <returns>One probability per run, in the input order; they sum to 1.</returns>
    /// <exception cref="ArgumentException">The list is empty or holds a value that is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">k is outside 1 to n.</exception>
    public static double[] ChoiceProbabilities(IReadOnlyList<double> selectBy, int k)
    {
        ArgumentNullException.ThrowIfNull(selectBy);
        int n = selectBy.Count;
        if (n == 0) throw new ArgumentException("selectBy must hold at least one run, but it is empty.",
            nameof(selectBy));
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(selectBy[i])) throw new ArgumentException($"selectBy must be finite, but " +
                $"selectBy[{i}] is {selectBy[i]}.", nameof(selectBy));
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        var order = Enumerable.Range(0, n).OrderBy(i => selectBy[i]).ThenBy(i => i).ToArray();
        var probabilities = new double[n];
        // P(rank 0) = C(n-1, k-1) / C(n, k) = k / n; P(rank i+1) = P(rank i) * (n - i - k) / (n - i - 1).
        double p = (double)k / n;
        for (int rank = 0; rank < n; rank++)
        {
            probabilities[order[rank]] = p;
            p = rank + 1 < n ? p * Math.Max(n - rank - k, 0) / (n - rank - 1) : 0;
        }
        return probabilities;
    }
}
