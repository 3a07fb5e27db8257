using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Statistics;

/// <summary>
/// The mean and the population standard deviation of a double span from its sum and its sum of squares, in one
/// vectorized pass: the trainer's per-step diagnostics (weight, gradient and update spreads), where the scaling passes
/// of <see cref="ScaledMoments"/>, the library's overflow-safe computation, would cost more than the training step.
/// It falls back to a second pass where the one-pass formula would lose digits, and to <see cref="ScaledMoments"/>
/// where a square overflows, so the results stay those of the textbook formula.
/// </summary>
internal static class OnePassMoments
{
    /// <summary>The virtual lanes of <see cref="SumAndSumOfSquares"/>: two registers of four doubles.</summary>
    private const int Lanes = 8;

    /// <summary>
    /// The mean and the (population) standard deviation of <paramref name="x"/>: one vectorized pass for the sum and
    /// the sum of squares, var = E[x^2] - mean^2. Where that difference loses more than 6 of the 16 digits
    /// (var &lt; 1e-6 E[x^2], a mean large against the spread) it takes a second pass over the deviations from the mean
    /// (<see cref="SimdReduce.Sum{TOp, T}"/>); where a square overflows (|x| above about 1e154) it falls back to
    /// <see cref="ScaledMoments"/>. Non-finite values make both results NaN; an empty span gives (0, 0).
    /// </summary>
    /// <param name="x">The values.</param>
    /// <returns>The mean and the population standard deviation.</returns>
    public static (double Mean, double Std) MeanStd(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty) return (0, 0);
        var (sum, squares) = SumAndSumOfSquares(x);
        double mean = sum / x.Length, meanSquare = squares / x.Length;
        if (!double.IsFinite(mean) || !double.IsFinite(meanSquare))
        {
            var m = ScaledMoments.Of(x);
            return m.Count < x.Length ? (double.NaN, double.NaN) : (m.Mean, m.PopulationStd);
        }
        double variance = meanSquare - mean * mean;
        if (variance < 1e-6 * meanSquare)
            variance = SimdReduce.Sum(new SquaredDeviationOperator(mean), x, default, default) / x.Length;
        return (mean, Math.Sqrt(Math.Max(variance, 0)));
    }

    /// <summary>
    /// The sum and the sum of squares of x in one pass, in a fixed order (the same bits on every path): the elements
    /// before the last multiple of 8 go to eight virtual lanes (<see cref="SimdReduce"/>; x and x*x, each added),
    /// folded as ((l0 + l4) + (l1 + l5)) + ((l2 + l6) + (l3 + l7)); the rest are added one by one.
    /// </summary>
    internal static (double Sum, double SumOfSquares) SumAndSumOfSquares(ReadOnlySpan<double> x,
        SimdPath path = SimdPath.Auto)
    {
        Span<double> buffer = stackalloc double[2 * Lanes];
        var sums = buffer[..Lanes];
        var squares = buffer[Lanes..];
        var op = new SumAndSquare();
        int i = SimdReduce.LaneSums(op, x, default, default, x.Length, sums, squares, path);
        double sum = Fold(sums), sumOfSquares = Fold(squares);
        for (; i < x.Length; i++)
            SimdReduce.AccumulateElement(op, x, default, default, i, ref sum, ref sumOfSquares);
        return (sum, sumOfSquares);
    }

    private static double Fold(ReadOnlySpan<double> lanes) =>
        (lanes[0] + lanes[4] + (lanes[1] + lanes[5])) + (lanes[2] + lanes[6] + (lanes[3] + lanes[7]));

    /// <summary>sum0 += a; sum1 += a * a (a multiply, then an add).</summary>
    private readonly struct SumAndSquare : IReduceOperator
    {
        public static int Inputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Accumulate<TV>(ref TV sum0, ref TV sum1, TV a, TV b, TV c)
            where TV : struct, ISimdVector<TV, double>
        {
            sum0 += a;
            sum1 += a * a;
        }
    }
}
