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
/// it is in cache. Pass 1: min and max of the finite values, counts of finite values and exact zeros, and for each
/// column whether it is zero in every row. Pass 2: the chunk's scaled sums
/// for the mean and the standard deviation (<see cref="ScaledMoments.OfBlock{T}"/>, the library's one
/// overflow-safe mean/std), combined over the chunks in chunk order (<see cref="ScaledMoments.Combine"/>).
/// The saturated fraction needs the layer's slopes, not its values: the simulator counts it
/// (<see cref="Activations.Saturation"/>) and sets it on the result; here it is NaN.
/// </remarks>
internal static class LayerStatisticsCalculator
{
    /// <summary>About how many values one chunk (one unit of parallel work) holds.</summary>
    internal const int ChunkValues = 16384;

    private struct FirstPass
    {
        public double Min, Max;
        public long Finite, Zero;
    }

    /// <summary>Computes the statistics of <paramref name="values"/>, B x n row-major (its first rows * cols
    /// entries).</summary>
    /// <param name="layer">The layer number to record.</param>
    /// <param name="values">The batch, row-major.</param>
    /// <param name="rows">B, the number of samples.</param>
    /// <param name="cols">n, the layer's width.</param>
    /// <param name="maxDegreeOfParallelism">-1 or a positive number of threads.</param>
    /// <param name="path">The SIMD path (tests force one; the statistics are the same on every path).</param>
    public static LayerStatistics Compute<T>(int layer, T[] values, int rows, int cols, int maxDegreeOfParallelism,
        SimdPath path = SimdPath.Auto)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        int rowsPerChunk = Math.Max(1, ChunkValues / Math.Max(1, cols));
        int chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
        var first = new FirstPass[chunks];
        var columnAllZero = new T[chunks][];
        var moments = new ScaledMoments[chunks];

        // One parallel region: pass 1 over a chunk, then pass 2 over the same chunk while it is in cache.
        ParallelWork.For(chunks, maxDegreeOfParallelism, c =>
        {
            int r0 = c * rowsPerChunk, r1 = Math.Min(rows, r0 + rowsPerChunk);
            var flags = new T[cols];
            var f = FirstPassChunk(values, r0, r1, cols, flags, path);
            first[c] = f;
            columnAllZero[c] = flags;
            moments[c] =
                ScaledMoments.OfBlock<T>(values.AsSpan(r0 * cols, (r1 - r0) * cols), f.Finite, f.Min, f.Max, path);
        });

        long zeros = 0;
        for (int c = 0; c < chunks; c++) zeros += first[c].Zero;
        int deadColumns = 0;
        for (int j = 0; j < cols; j++)
        {
            bool allZero = true;
            for (int c = 0; c < chunks && allZero; c++) allZero = T.IsNaN(columnAllZero[c][j]);
            if (allZero) deadColumns++;
        }

        long count = (long)rows * cols;

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
            SaturatedFraction = double.NaN,
            DeadFraction = (double)deadColumns / cols,
        };
    }

    private static unsafe FirstPass FirstPassChunk<T>(T[] values, int r0, int r1, int cols, T[] allZero,
        SimdPath path = SimdPath.Auto)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* pv = values, pz = allZero)
        {
            var body = new FirstPassBody<T>(pv, pz, r0, r1, cols);
            SimdDispatch.Run<T, FirstPassBody<T>>(path, ref body);
            return body.Result;
        }
    }

    /// <summary>
    /// Pass 1 over rows r0 .. r1 at one width: per-lane min and max of the finite values, counts of finite values and
    /// exact zeros (in T lanes, flushed to long well before float lanes could lose integers), and the
    /// all-zero flag of every column (NaN bits while the column has been zero). The columns after the last full
    /// register
    /// go one by one. Every result is exact, so it is the same on every width.
    /// </summary>
    private unsafe struct FirstPassBody<T>(T* values, T* allZero, int r0, int r1, int cols)
        : ISimdAction<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public FirstPass Result;

        public void Run<TV>() where TV : struct, ISimdVector<TV, T> => Result = Pass<TV>(values, allZero, r0, r1, cols);

        // On arguments rather than fields, so that the JIT keeps them in registers.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static FirstPass Pass<TV>(T* values, T* allZero, int r0, int r1, int cols)
            where TV : struct, ISimdVector<TV, T>
        {
            new Span<T>(allZero, cols).Fill(TV.GetElement(TV.AllBitsSet, 0));
            double minD = double.PositiveInfinity, maxD = double.NegativeInfinity;
            long finite = 0, zero = 0;
            int lanes = TV.Count, vecEnd = cols - cols % lanes;
            if (vecEnd > 0)
            {
                var vMin = TV.Create(T.PositiveInfinity);
                var vMax = TV.Create(T.NegativeInfinity);
                TV vFinite = TV.Zero, vZero = TV.Zero;
                var one = TV.One;
                for (int r = r0; r < r1; r++)
                {
                    T* row = values + (long)r * cols;
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
                    }
                    // Flush the per-lane counters well before float lanes could lose integers (2^24).
                    if (typeof(T) == typeof(float) && (r - r0) % 4096 == 4095)
                        Flush(ref vFinite, ref vZero, ref finite, ref zero);
                }
                Flush(ref vFinite, ref vZero, ref finite, ref zero);
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
                }
            }
            return new FirstPass { Min = minD, Max = maxD, Finite = finite, Zero = zero };
        }

        private static void Flush<TV>(ref TV vFinite, ref TV vZero, ref long finite, ref long zero)
            where TV : struct, ISimdVector<TV, T>
        {
            for (int i = 0; i < TV.Count; i++)
            {
                finite += long.CreateChecked(TV.GetElement(vFinite, i));
                zero += long.CreateChecked(TV.GetElement(vZero, i));
            }
            vFinite = vZero = TV.Zero;
        }
    }
}
