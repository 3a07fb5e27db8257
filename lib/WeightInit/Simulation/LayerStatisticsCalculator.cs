using System.Numerics;
using System.Runtime.CompilerServices;
using WeightInit.Kernels;
using WeightInit.Statistics;

namespace WeightInit.Simulation;

/// <summary>
/// Computes <see cref="LayerStatistics"/> of a B x n batch (float or double) in two vectorized
/// passes over fixed chunks of rows, so that the result is the same bit for bit whatever the number
/// of threads.
/// </summary>
/// <remarks>
/// Each chunk of rows (a fixed number of rows, whatever the number of threads) is read twice while
/// it is in cache. Pass 1: min and max of the finite values, counts of finite values, exact zeros and
/// saturated units, and for each column whether it is zero in every row. Pass 2: the chunk's scaled sums
/// for the mean and the standard deviation (<see cref="ScaledMoments.OfBlock{T}"/>, the library's one
/// overflow-safe mean/std), combined over the chunks in chunk order (<see cref="ScaledMoments.Combine"/>).
/// </remarks>
internal static class LayerStatisticsCalculator
{
    /// <summary>About how many values one chunk (one unit of parallel work) holds.</summary>
    internal const int ChunkValues = 16384;

    private struct FirstPass
    {
        public double Min, Max;
        public long Finite, Zero, Saturated;
    }

    /// <summary>Computes the statistics of <paramref name="values"/>, B x n row-major (its first rows * cols entries).</summary>
    /// <param name="layer">The layer number to record.</param>
    /// <param name="values">The batch, row-major.</param>
    /// <param name="rows">B, the number of samples.</param>
    /// <param name="cols">n, the layer's width.</param>
    /// <param name="rule">How saturation is decided.</param>
    /// <param name="threshold">|f'| below which a unit is saturated.</param>
    /// <param name="derivative">f'(z) for <see cref="SaturationRule.FromDerivative"/>, else null.</param>
    /// <param name="maxDegreeOfParallelism">-1 or a positive number of threads.</param>
    /// <param name="path">The SIMD path (tests force one; the statistics are the same on every path).</param>
    public static LayerStatistics Compute<T>(int layer, T[] values, int rows, int cols, SaturationRule rule, double threshold,
        T[]? derivative, int maxDegreeOfParallelism, SimdPath path = SimdPath.Auto)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        if (rule == SaturationRule.FromDerivative && derivative is null)
            throw new ArgumentNullException(nameof(derivative));
        int rowsPerChunk = Math.Max(1, ChunkValues / Math.Max(1, cols));
        int chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
        var first = new FirstPass[chunks];
        var columnAllZero = new T[chunks][];
        var moments = new ScaledMoments[chunks];
        // Saturation thresholds above 1 make the identity and ReLU saturate everywhere.
        bool thresholdAboveOne = threshold > 1;

        // One parallel region: pass 1 over a chunk, then pass 2 over the same chunk while it is in cache.
        ParallelWork.For(chunks, maxDegreeOfParallelism, c =>
        {
            int r0 = c * rowsPerChunk, r1 = Math.Min(rows, r0 + rowsPerChunk);
            var flags = new T[cols];
            var f = FirstPassChunk(values, derivative, r0, r1, cols, rule, threshold, flags, path);
            first[c] = f;
            columnAllZero[c] = flags;
            moments[c] = ScaledMoments.OfBlock<T>(values.AsSpan(r0 * cols, (r1 - r0) * cols), f.Finite, f.Min, f.Max, path);
        });

        long zeros = 0, saturated = 0;
        for (int c = 0; c < chunks; c++)
        {
            zeros += first[c].Zero;
            saturated += first[c].Saturated;
        }
        int deadColumns = 0;
        for (int j = 0; j < cols; j++)
        {
            bool allZero = true;
            for (int c = 0; c < chunks && allZero; c++) allZero = T.IsNaN(columnAllZero[c][j]);
            if (allZero) deadColumns++;
        }

        long count = (long)rows * cols;
        double saturatedFraction = rule switch
        {
            SaturationRule.NotApplicable => double.NaN,
            SaturationRule.Identity => thresholdAboveOne ? 1.0 : 0.0,
            SaturationRule.ReLU => thresholdAboveOne ? 1.0 : (double)zeros / count,
            _ => (double)saturated / count,
        };

        var total = ScaledMoments.Combine(moments);
        bool any = total.Count > 0;
        return new LayerStatistics
        {
            Layer = layer,
            Count = count,
            Mean = total.Mean,
            Std = total.PopulationStd,
            Min = any ? total.Min : double.NaN,
            Max = any ? total.Max : double.NaN,
            MeanSquare = total.MeanSquare,
            RootMeanSquare = total.RootMeanSquare,
            NonFiniteFraction = (double)(count - total.Count) / count,
            ZeroFraction = (double)zeros / count,
            SaturatedFraction = saturatedFraction,
            DeadFraction = (double)deadColumns / cols,
        };
    }

    private static unsafe FirstPass FirstPassChunk<T>(T[] values, T[]? derivative, int r0, int r1, int cols, SaturationRule rule, double threshold,
        T[] allZero, SimdPath path = SimdPath.Auto)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* pv = values, pd = derivative, pz = allZero)
        {
            var body = new FirstPassBody<T>(pv, pd, pz, r0, r1, cols, rule, T.CreateChecked(threshold));
            SimdDispatch.Run<T, FirstPassBody<T>>(path, ref body);
            return body.Result;
        }
    }

    /// <summary>
    /// Pass 1 over rows r0 .. r1 at one width: per-lane min and max of the finite values, counts of finite values, exact
    /// zeros and saturated units (in T lanes, flushed to long well before float lanes could lose integers), and the
    /// all-zero flag of every column (NaN bits while the column has been zero). The columns after the last full register
    /// go one by one. Every result is exact, so it is the same on every width.
    /// </summary>
    private unsafe struct FirstPassBody<T>(T* values, T* derivative, T* allZero, int r0, int r1, int cols, SaturationRule rule, T thr)
        : ISimdAction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public FirstPass Result;

        public void Run<TV>() where TV : struct, ISimdVector<TV, T> => Result = Pass<TV>(values, derivative, allZero, r0, r1, cols, rule, thr);

        // On arguments rather than fields, so that the JIT keeps them in registers.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static FirstPass Pass<TV>(T* values, T* derivative, T* allZero, int r0, int r1, int cols, SaturationRule rule, T thr)
            where TV : struct, ISimdVector<TV, T>
        {
            new Span<T>(allZero, cols).Fill(TV.GetElement(TV.AllBitsSet, 0));
            T oneMinusThr = T.One - thr;
            double minD = double.PositiveInfinity, maxD = double.NegativeInfinity;
            long finite = 0, zero = 0, saturated = 0;
            int lanes = TV.Count, vecEnd = cols - cols % lanes;
            if (vecEnd > 0)
            {
                var vMin = TV.Create(T.PositiveInfinity);
                var vMax = TV.Create(T.NegativeInfinity);
                TV vFinite = TV.Zero, vZero = TV.Zero, vSat = TV.Zero;
                var one = TV.One;
                var vThr = TV.Create(thr);
                var vOneMinusThr = TV.Create(oneMinusThr);
                for (int r = r0; r < r1; r++)
                {
                    T* row = values + (long)r * cols;
                    T* drow = derivative + (long)r * cols;
                    for (int j = 0; j < vecEnd; j += lanes)
                    {
                        var x = TV.Load(row + j);
                        var finiteMask = TV.Equal(x - x, TV.Zero);
                        vMin = TV.Min(vMin, TV.ConditionalSelect(finiteMask, x, TV.Create(T.PositiveInfinity)));
                        vMax = TV.Max(vMax, TV.ConditionalSelect(finiteMask, x, TV.Create(T.NegativeInfinity)));
                        vFinite += one & finiteMask;
                        var zeroMask = TV.Equal(x, TV.Zero);
                        vZero += one & zeroMask;
                        TV.Store(TV.Load(allZero + j) & zeroMask, allZero + j);
                        switch (rule)
                        {
                            case SaturationRule.Tanh:
                                vSat += one & TV.GreaterThan(x * x, vOneMinusThr);
                                break;
                            case SaturationRule.Sigmoid:
                                vSat += one & TV.LessThan(x * (one - x), vThr);
                                break;
                            case SaturationRule.FromDerivative:
                                vSat += one & TV.LessThan(TV.Abs(TV.Load(drow + j)), vThr);
                                break;
                        }
                    }
                    // Flush the per-lane counters well before float lanes could lose integers (2^24).
                    if (typeof(T) == typeof(float) && (r - r0) % 4096 == 4095)
                        Flush(ref vFinite, ref vZero, ref vSat, ref finite, ref zero, ref saturated);
                }
                Flush(ref vFinite, ref vZero, ref vSat, ref finite, ref zero, ref saturated);
                for (int i = 0; i < lanes; i++)
                {
                    minD = Math.Min(minD, double.CreateChecked(TV.GetElement(vMin, i)));
                    maxD = Math.Max(maxD, double.CreateChecked(TV.GetElement(vMax, i)));
                }
            }
            for (int r = r0; r < r1; r++)
            {
                long rowStart = (long)r * cols;
                for (int j = vecEnd; j < cols; j++)
                {
                    T x = values[rowStart + j];
                    if (T.IsFinite(x))
                    {
                        finite++;
                        double xd = double.CreateChecked(x);
                        if (xd < minD) minD = xd;
                        if (xd > maxD) maxD = xd;
                    }
                    if (x == T.Zero) zero++;
                    else allZero[j] = T.Zero;
                    switch (rule)
                    {
                        case SaturationRule.Tanh:
                            if (x * x > oneMinusThr) saturated++;
                            break;
                        case SaturationRule.Sigmoid:
                            if (x * (T.One - x) < thr) saturated++;
                            break;
                        case SaturationRule.FromDerivative:
                            if (T.Abs(derivative[rowStart + j]) < thr) saturated++;
                            break;
                    }
                }
            }
            return new FirstPass { Min = minD, Max = maxD, Finite = finite, Zero = zero, Saturated = saturated };
        }

        private static void Flush<TV>(ref TV vFinite, ref TV vZero, ref TV vSat, ref long finite, ref long zero, ref long saturated)
            where TV : struct, ISimdVector<TV, T>
        {
            for (int i = 0; i < TV.Count; i++)
            {
                finite += long.CreateChecked(TV.GetElement(vFinite, i));
                zero += long.CreateChecked(TV.GetElement(vZero, i));
                saturated += long.CreateChecked(TV.GetElement(vSat, i));
            }
            vFinite = vZero = vSat = TV.Zero;
        }
    }
}
