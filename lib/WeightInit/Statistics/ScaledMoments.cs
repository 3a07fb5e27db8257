using System.Numerics;
using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Statistics;

/// <summary>
/// The library's one computation of the mean, the standard deviation and the mean square of a set of values:
/// used for the simulator's <see cref="Simulation.LayerStatistics"/>, for <see cref="SampleMoments"/> and for the
/// trainer's gradient statistics. It never overflows or underflows before the data does, and it names which
/// variance it gives: <see cref="PopulationVariance"/> (divisor n, numpy's default) or
/// <see cref="SampleVariance"/> (divisor n - 1, unbiased).
/// </summary>
/// <remarks>
/// Over the finite values of a block (NaN and infinities are left out and not counted): with k chosen so that
/// the block's max|x| 2^k lies in [0.5, 1) and the shift c = 2^k (min + max) / 2, the sums of d = x 2^k - c and
/// d^2 are accumulated in double. Blocks computed separately (in parallel, say) are <see cref="Combine"/>d in
/// their order onto the global scale 2^k and shift (exact power-of-two factors), so the result does not depend on
/// how many threads computed them. Then mean = 2^-k (c + mean(d)) and variance = 2^-2k (mean(d^2) - mean(d)^2):
/// the scaled values are at most 1 in magnitude, so no square overflows, and the largest ones are near 1, so the
/// squares that matter do not underflow. (Squares of values below 2^-500 max|x| may underflow; they change the
/// sums by less than one part in 10^300.)
/// </remarks>
/// <param name="Count">The number of finite values n.</param>
/// <param name="Min">The smallest finite value (+infinity when there is none).</param>
/// <param name="Max">The largest finite value (-infinity when there is none).</param>
/// <param name="Scale">k: the values are scaled by 2^k.</param>
/// <param name="Shift">c: the scaled values are shifted by c.</param>
/// <param name="SumD">The sum of d = x 2^k - c over the finite values.</param>
/// <param name="SumD2">The sum of d^2.</param>
internal readonly record struct ScaledMoments(long Count, double Min, double Max, int Scale, double Shift, double SumD,
    double SumD2)
{
    /// <summary>The mean of the finite values (NaN when there is none).</summary>
    public double Mean => Count == 0 ? double.NaN : Math.Clamp(Math.ScaleB(Shift + MeanD, -Scale), Min, Max);

    /// <summary>The population standard deviation sqrt((1/n) sum (x - mean)^2), exact even when its square is beyond
    /// double's range.</summary>
    public double PopulationStd => Count == 0 ? double.NaN : Math.ScaleB(Math.Sqrt(VarianceScaled), -Scale);

    /// <summary>The population variance (1/n) sum (x - mean)^2.</summary>
    public double PopulationVariance => Count == 0 ? double.NaN : Math.ScaleB(VarianceScaled, -2 * Scale);

    /// <summary>The unbiased sample variance (1/(n - 1)) sum (x - mean)^2 (0 for one value).</summary>
    public double SampleVariance =>
        Count == 0 ? double.NaN : Count == 1 ? 0.0 : Math.ScaleB(VarianceScaled * Count / (Count - 1), -2 * Scale);

    /// <summary>The mean square E[x^2] (infinite or 0 when beyond double's range; <see cref="RootMeanSquare"/> is exact
    /// then).</summary>
    public double MeanSquare => Count == 0 ? double.NaN : Math.ScaleB(MeanSquareScaled, -2 * Scale);

    /// <summary>sqrt(E[x^2]), computed without forming the unscaled sum of squares.</summary>
    public double RootMeanSquare => Count == 0 ? double.NaN : Math.ScaleB(Math.Sqrt(MeanSquareScaled), -Scale);

    private double MeanD => SumD / Count;

    private double VarianceScaled => Math.Max(0.0, SumD2 / Count - MeanD * MeanD);

    private double MeanSquareScaled
    {
        get
        {
            double meanScaled = Shift + MeanD;
            return VarianceScaled + meanScaled * meanScaled;
        }
    }

    /// <summary>The moments of the finite values of <paramref name="values"/> (one pass for min and max, one for the
    /// sums).</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="values">The values.</param>
    /// <returns>The moments; <see cref="Count"/> 0 when no value is finite.</returns>
    public static ScaledMoments Of<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (finite, min, max) = FiniteRange.Of(values);
        // A zero extremum keeps the sign of the first zero that reached it (the vector minimum prefers -0), as it
        // always has.
        if (min == 0 || max == 0) (min, max) = FirstExtremes(values);
        return OfBlock(values, finite, min, max);
    }

    /// <summary>The min and max of the finite values, each the first value that reached it.</summary>
    private static (double Min, double Max) FirstExtremes<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (T value in values)
        {
            if (!T.IsFinite(value)) continue;
            double x = double.CreateTruncating(value);
            if (x < min) min = x;
            if (x > max) max = x;
        }
        return (min, max);
    }

    /// <summary>
    /// The moments of a block whose number of finite values and their min and max are already known (the
    /// simulator's statistics find them in a pass that counts other things too).
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="values">The block.</param>
    /// <param name="finiteCount">The number of finite values in it.</param>
    /// <param name="min">Their minimum.</param>
    /// <param name="max">Their maximum.</param>
    /// <returns>The block's moments.</returns>
    /// <param name="path">The SIMD path of the sums (the same bits on every path).</param>
    public static ScaledMoments OfBlock<T>(ReadOnlySpan<T> values, long finiteCount, double min, double max,
        SimdPath path = SimdPath.Auto)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (finiteCount == 0) return new ScaledMoments(0, double.PositiveInfinity, double.NegativeInfinity, 0, 0, 0, 0);
        int k = ScaleExponent(min, max);
        double shift = Midpoint(min, max, k);
        var (sumD, sumD2) = ShiftedSums(values, Math.ScaleB(1.0, k), shift, path);
        return new ScaledMoments(finiteCount, min, max, k, shift, sumD, sumD2);
    }

    /// <summary>
    /// The moments of the union of <paramref name="blocks"/>: each block's sums are moved onto the global scale
    /// 2^k and shift (with factor = 2^(k - k_b) &lt;= 1 and delta = shift_b factor - shift, d' = d factor + delta, so
    /// sum d' = factor sum d + n_b delta and sum d'^2 = factor^2 sum d^2 + 2 factor delta sum d + n_b delta^2),
    /// added in block order.
    /// </summary>
    /// <param name="blocks">The blocks, in a fixed order.</param>
    /// <returns>The combined moments.</returns>
    public static ScaledMoments Combine(ReadOnlySpan<ScaledMoments> blocks)
    {
        long count = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var b in blocks)
        {
            count += b.Count;
            min = Math.Min(min, b.Min);
            max = Math.Max(max, b.Max);
        }
        if (count == 0) return new ScaledMoments(0, min, max, 0, 0, 0, 0);
        int k = ScaleExponent(min, max);
        double shift = Midpoint(min, max, k);
        double sumD = 0, sumD2 = 0;
        foreach (var b in blocks)
        {
            long nb = b.Count;
            if (nb == 0) continue;
            double factor = Math.ScaleB(1.0, k - b.Scale);
            double delta = b.Shift * factor - shift;
            sumD += factor * b.SumD + nb * delta;
            sumD2 += factor * factor * b.SumD2 + 2 * factor * delta * b.SumD + nb * delta * delta;
        }
        return new ScaledMoments(count, min, max, k, shift, sumD, sumD2);
    }

    /// <summary>k such that max(|min|, |max|) 2^k lies in [0.5, 1), clamped to [-1000, 1000]; 0 for all-zero
    /// data.</summary>
    private static int ScaleExponent(double min, double max)
    {
        double maxAbs = Math.Max(Math.Abs(min), Math.Abs(max));
        return maxAbs == 0 ? 0 : Math.Clamp(-Math.ILogB(maxAbs) - 1, -1000, 1000);
    }

    /// <summary>The scaled midpoint 2^k (min + max) / 2, computed without overflow.</summary>
    private static double Midpoint(double min, double max, int k) =>
        0.5 * Math.ScaleB(min, k) + 0.5 * Math.ScaleB(max, k);

    /// <summary>
    /// The sums of d = x scale - shift and d^2 over the finite values, in double, the same bits on every SIMD path: the
    /// elements before the last multiple of 16 go to 16 virtual lanes (<see cref="SimdReduce"/>; lane j takes the
    /// elements i = j mod 16, d^2 added by a multiply-add), combined as sum over j &lt; 8 of (lane j + lane j + 8), in
    /// order; the rest are added one by one.
    /// </summary>
    internal static (double SumD, double SumD2) ShiftedSums<T>(ReadOnlySpan<T> values, double scale, double shift,
        SimdPath path = SimdPath.Auto)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var op = new ShiftedSquares(scale, shift);
        Span<double> lanes = stackalloc double[2 * VirtualLanes];
        var d = lanes[..VirtualLanes];
        var d2 = lanes[VirtualLanes..];
        int done = SimdReduce.LaneSums(op, values, default, default, values.Length, d, d2, path);
        double sumD = 0, sumD2 = 0;
        for (int j = 0; j < VirtualLanes / 2; j++)
        {
            sumD += d[j] + d[j + VirtualLanes / 2];
            sumD2 += d2[j] + d2[j + VirtualLanes / 2];
        }
        for (int i = done; i < values.Length; i++) SimdReduce.AccumulateElement(op, values, default, default, i,
            ref sumD, ref sumD2);
        return (sumD, sumD2);
    }

    /// <summary>The virtual lanes of <see cref="ShiftedSums{T}"/> (two Vector512 registers of doubles).</summary>
    private const int VirtualLanes = 16;

    /// <summary>d = x scale - shift for a finite x (0 otherwise) into the first sum, d^2 into the second.</summary>
    private readonly struct ShiftedSquares(double scale, double shift) : IReduceOperator
    {
        public static int Inputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Accumulate<TV>(ref TV sum0, ref TV sum1, TV a, TV b, TV c)
            where TV : struct, ISimdVector<TV, double>
        {
            var finite = TV.Equal(a - a, TV.Zero);
            var d = TV.FusedMultiplyAdd(a, TV.Create(scale), TV.Create(-shift)) & finite;
            sum0 += d;
            sum1 = TV.FusedMultiplyAdd(d, d, sum1);
        }
    }
}
