using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    public static LayerStatistics Compute<T>(int layer, T[] values, int rows, int cols, SaturationRule rule, double threshold,
        T[]? derivative, int maxDegreeOfParallelism)
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
            var f = FirstPassChunk(values, derivative, r0, r1, cols, rule, threshold, flags);
            first[c] = f;
            columnAllZero[c] = flags;
            moments[c] = ScaledMoments.OfBlock<T>(values.AsSpan(r0 * cols, (r1 - r0) * cols), f.Finite, f.Min, f.Max);
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

    private static FirstPass FirstPassChunk<T>(T[] values, T[]? derivative, int r0, int r1, int cols, SaturationRule rule, double threshold, T[] allZero)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T allBits = Vector512<T>.AllBitsSet.ToScalar();
        Array.Fill(allZero, allBits);
        T thr = T.CreateChecked(threshold);
        T oneMinusThr = T.One - thr;
        double minD = double.PositiveInfinity, maxD = double.NegativeInfinity;
        long finite = 0, zero = 0, saturated = 0;

        int vecEnd = 0;
        if (Vector512.IsHardwareAccelerated && cols >= Vector512<T>.Count)
        {
            int lanes = Vector512<T>.Count;
            vecEnd = cols - cols % lanes;
            var vMin = Vector512.Create(T.PositiveInfinity);
            var vMax = Vector512.Create(T.NegativeInfinity);
            var vFinite = Vector512<T>.Zero;
            var vZero = Vector512<T>.Zero;
            var vSat = Vector512<T>.Zero;
            var one = Vector512<T>.One;
            var vThr = Vector512.Create(thr);
            var vOneMinusThr = Vector512.Create(oneMinusThr);
            ref T flags0 = ref MemoryMarshal.GetArrayDataReference(allZero);
            for (int r = r0; r < r1; r++)
            {
                ref T row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), (nint)r * cols);
                for (int j = 0; j < vecEnd; j += lanes)
                {
                    var x = Vector512.LoadUnsafe(ref row, (nuint)j);
                    var finiteMask = Vector512.Equals(x - x, Vector512<T>.Zero);
                    vMin = Vector512.Min(vMin, Vector512.ConditionalSelect(finiteMask, x, Vector512.Create(T.PositiveInfinity)));
                    vMax = Vector512.Max(vMax, Vector512.ConditionalSelect(finiteMask, x, Vector512.Create(T.NegativeInfinity)));
                    vFinite += one & finiteMask;
                    var zeroMask = Vector512.Equals(x, Vector512<T>.Zero);
                    vZero += one & zeroMask;
                    var f = Vector512.LoadUnsafe(ref flags0, (nuint)j);
                    (f & zeroMask).StoreUnsafe(ref flags0, (nuint)j);
                    switch (rule)
                    {
                        case SaturationRule.Tanh:
                            vSat += one & Vector512.GreaterThan(x * x, vOneMinusThr);
                            break;
                        case SaturationRule.Sigmoid:
                            vSat += one & Vector512.LessThan(x * (one - x), vThr);
                            break;
                        case SaturationRule.FromDerivative:
                            var d = Vector512.LoadUnsafe(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(derivative!), (nint)r * cols), (nuint)j);
                            vSat += one & Vector512.LessThan(Vector512.Abs(d), vThr);
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
                minD = Math.Min(minD, double.CreateChecked(vMin.GetElement(i)));
                maxD = Math.Max(maxD, double.CreateChecked(vMax.GetElement(i)));
            }
        }

        for (int r = r0; r < r1; r++)
        {
            int rowStart = r * cols;
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
                        if (T.Abs(derivative![rowStart + j]) < thr) saturated++;
                        break;
                }
            }
        }
        return new FirstPass { Min = minD, Max = maxD, Finite = finite, Zero = zero, Saturated = saturated };
    }

    private static void Flush<T>(ref Vector512<T> vFinite, ref Vector512<T> vZero, ref Vector512<T> vSat, ref long finite, ref long zero, ref long saturated)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < Vector512<T>.Count; i++)
        {
            finite += long.CreateChecked(vFinite.GetElement(i));
            zero += long.CreateChecked(vZero.GetElement(i));
            saturated += long.CreateChecked(vSat.GetElement(i));
        }
        vFinite = vZero = vSat = Vector512<T>.Zero;
    }
}
