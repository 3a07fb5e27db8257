using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace WeightInit.Simulation;

/// <summary>
/// Computes <see cref="LayerStatistics"/> of a B x n batch (float or double) in two vectorized
/// passes over fixed chunks of rows, so that the result is the same bit for bit whatever the number
/// of threads.
/// </summary>
/// <remarks>
/// Each chunk of rows (a fixed number of rows, whatever the number of threads) is read twice while
/// it is in cache. Pass 1: min and max of the finite values, counts of finite values, exact zeros and
/// saturated units, and for each column whether it is zero in every row. Pass 2: with k_c chosen so
/// that the chunk's max|x| 2^k_c lies in [0.5, 1) and the shift c_c = 2^k_c (min + max) / 2, the sums
/// of d = x 2^k_c - c_c and d^2 over the finite values, in double. The chunks' sums are then moved
/// onto the global scale 2^k and shift (exact power-of-two factors) and combined in chunk order. Then
/// mean = 2^-k (c + mean(d)), variance = 2^-2k (mean(d^2) - mean(d)^2): the scaled values are at most
/// 1 in magnitude, so no square overflows, and the largest ones are near 1, so the squares that matter
/// do not underflow. (Squares of values below 2^-500 max|x| may underflow; they change the sums by less
/// than one part in 10^300.)
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

    private struct SecondPass
    {
        public double SumD, SumD2;
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
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException("Only float and double are supported.");
        if (rule == SaturationRule.FromDerivative && derivative is null)
            throw new ArgumentNullException(nameof(derivative));
        int rowsPerChunk = Math.Max(1, ChunkValues / Math.Max(1, cols));
        int chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
        var first = new FirstPass[chunks];
        var columnAllZero = new T[chunks][];
        // Saturation thresholds above 1 make the identity and ReLU saturate everywhere.
        var effectiveRule = rule;
        bool thresholdAboveOne = threshold > 1;

        var second = new SecondPass[chunks];
        var chunkScale = new int[chunks];
        var chunkShift = new double[chunks];

        // One parallel region: pass 1 over a chunk, then pass 2 over the same chunk while it is in cache,
        // scaled by the chunk's own power of two (combined below onto the global one).
        void RunChunk(int c)
        {
            int r0 = c * rowsPerChunk, r1 = Math.Min(rows, r0 + rowsPerChunk);
            var flags = new T[cols];
            var f = FirstPassChunk(values, derivative, r0, r1, cols, effectiveRule, threshold, flags);
            first[c] = f;
            columnAllZero[c] = flags;
            if (f.Finite == 0) return;
            int k = ScaleExponent(f.Min, f.Max);
            double shift = Midpoint(f.Min, f.Max, k);
            chunkScale[c] = k;
            chunkShift[c] = shift;
            second[c] = SecondPassChunk(values, r0 * cols, r1 * cols, Math.ScaleB(1.0, k), shift);
        }
        For(chunks, maxDegreeOfParallelism, RunChunk);

        var total = new FirstPass { Min = double.PositiveInfinity, Max = double.NegativeInfinity };
        for (int c = 0; c < chunks; c++)
        {
            total.Min = Math.Min(total.Min, first[c].Min);
            total.Max = Math.Max(total.Max, first[c].Max);
            total.Finite += first[c].Finite;
            total.Zero += first[c].Zero;
            total.Saturated += first[c].Saturated;
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
            SaturationRule.ReLU => thresholdAboveOne ? 1.0 : (double)total.Zero / count,
            _ => (double)total.Saturated / count,
        };

        double mean = double.NaN, std = double.NaN, meanSquare = double.NaN, rms = double.NaN, min = double.NaN, max = double.NaN;
        if (total.Finite > 0)
        {
            min = total.Min;
            max = total.Max;
            int k = ScaleExponent(min, max);
            double shift = Midpoint(min, max, k);
            // Move each chunk's sums onto the global scale 2^k and shift: with factor = 2^(k - k_c) <= 1 and
            // delta = shift_c factor - shift, d' = d factor + delta, so sum d' = factor sum d + N_c delta and
            // sum d'^2 = factor^2 sum d^2 + 2 factor delta sum d + N_c delta^2. Combined in chunk order.
            double sumD = 0, sumD2 = 0;
            for (int c = 0; c < chunks; c++)
            {
                long nc = first[c].Finite;
                if (nc == 0) continue;
                double factor = Math.ScaleB(1.0, k - chunkScale[c]);
                double delta = chunkShift[c] * factor - shift;
                sumD += factor * second[c].SumD + nc * delta;
                sumD2 += factor * factor * second[c].SumD2 + 2 * factor * delta * second[c].SumD + nc * delta * delta;
            }
            double n = total.Finite;
            double meanD = sumD / n;
            double varianceScaled = Math.Max(0.0, sumD2 / n - meanD * meanD);
            double meanScaled = shift + meanD;
            double meanSquareScaled = varianceScaled + meanScaled * meanScaled;
            mean = Math.ScaleB(meanScaled, -k);
            std = Math.ScaleB(Math.Sqrt(varianceScaled), -k);
            rms = Math.ScaleB(Math.Sqrt(meanSquareScaled), -k);
            meanSquare = Math.ScaleB(meanSquareScaled, -2 * k);
            // Rounding can put the mean a hair outside [min, max] (e.g. constant data): clamp.
            mean = Math.Clamp(mean, min, max);
        }

        return new LayerStatistics
        {
            Layer = layer,
            Count = count,
            Mean = mean,
            Std = std,
            Min = min,
            Max = max,
            MeanSquare = meanSquare,
            RootMeanSquare = rms,
            NonFiniteFraction = (double)(count - total.Finite) / count,
            ZeroFraction = (double)total.Zero / count,
            SaturatedFraction = saturatedFraction,
            DeadFraction = (double)deadColumns / cols,
        };
    }

    /// <summary>k such that max(|min|, |max|) 2^k lies in [0.5, 1), clamped to [-1000, 1000]; 0 for all-zero data.</summary>
    private static int ScaleExponent(double min, double max)
    {
        double maxAbs = Math.Max(Math.Abs(min), Math.Abs(max));
        return maxAbs == 0 ? 0 : Math.Clamp(-Math.ILogB(maxAbs) - 1, -1000, 1000);
    }

    /// <summary>The scaled midpoint 2^k (min + max) / 2, computed without overflow.</summary>
    private static double Midpoint(double min, double max, int k) => 0.5 * Math.ScaleB(min, k) + 0.5 * Math.ScaleB(max, k);

    private static void For(int count, int maxDegreeOfParallelism, Action<int> body)
    {
        if (count == 1 || maxDegreeOfParallelism == 1)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, body);
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

    private static SecondPass SecondPassChunk<T>(T[] values, int start, int end, double scale, double shift)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sumD = 0, sumD2 = 0;
        int i = start;
        if (Vector512.IsHardwareAccelerated && end - start >= Vector512<T>.Count)
        {
            var vScale = Vector512.Create(scale);
            var vShift = Vector512.Create(shift);
            var s1a = Vector512<double>.Zero;
            var s2a = Vector512<double>.Zero;
            var s1b = Vector512<double>.Zero;
            var s2b = Vector512<double>.Zero;
            if (typeof(T) == typeof(double))
            {
                ref double p = ref Unsafe.As<T, double>(ref MemoryMarshal.GetArrayDataReference(values));
                for (; i <= end - 16; i += 16)
                {
                    var xa = Vector512.LoadUnsafe(ref p, (nuint)i);
                    var xb = Vector512.LoadUnsafe(ref p, (nuint)(i + 8));
                    var da = Vector512.FusedMultiplyAdd(xa, vScale, -vShift) & Vector512.Equals(xa - xa, Vector512<double>.Zero);
                    var db = Vector512.FusedMultiplyAdd(xb, vScale, -vShift) & Vector512.Equals(xb - xb, Vector512<double>.Zero);
                    s1a += da;
                    s2a = Vector512.FusedMultiplyAdd(da, da, s2a);
                    s1b += db;
                    s2b = Vector512.FusedMultiplyAdd(db, db, s2b);
                }
            }
            else
            {
                ref float p = ref Unsafe.As<T, float>(ref MemoryMarshal.GetArrayDataReference(values));
                for (; i <= end - 16; i += 16)
                {
                    var x = Vector512.LoadUnsafe(ref p, (nuint)i);
                    var finite = Vector512.Equals(x - x, Vector512<float>.Zero);
                    // Non-finite lanes become 0 before widening; their d is masked out below.
                    var (xa, xb) = Vector512.Widen(x & finite);
                    var (ma, mb) = Vector512.Widen(finite.AsInt32());
                    var da = Vector512.FusedMultiplyAdd(xa, vScale, -vShift) & ma.AsDouble();
                    var db = Vector512.FusedMultiplyAdd(xb, vScale, -vShift) & mb.AsDouble();
                    s1a += da;
                    s2a = Vector512.FusedMultiplyAdd(da, da, s2a);
                    s1b += db;
                    s2b = Vector512.FusedMultiplyAdd(db, db, s2b);
                }
            }
            var s1 = s1a + s1b;
            var s2 = s2a + s2b;
            for (int l = 0; l < Vector512<double>.Count; l++)
            {
                sumD += s1.GetElement(l);
                sumD2 += s2.GetElement(l);
            }
        }
        for (; i < end; i++)
        {
            T x = values[i];
            if (!T.IsFinite(x)) continue;
            double d = Math.FusedMultiplyAdd(double.CreateChecked(x), scale, -shift);
            sumD += d;
            sumD2 = Math.FusedMultiplyAdd(d, d, sumD2);
        }
        return new SecondPass { SumD = sumD, SumD2 = sumD2 };
    }
}
