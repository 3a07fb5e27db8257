using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using WeightInit.Statistics;

namespace WeightInit.Training;

/// <summary>
/// Elementwise kernels of the trainer on row-major spans (Vector512, then Vector256, then scalar).
/// </summary>
/// <remarks>
/// Every kernel does the same IEEE operations, in the same order, for each element, whichever
/// path handles it (no fused multiply-add anywhere): equal inputs give bit-identical outputs at
/// any position. The symmetry experiments (identical hidden units stay identical) rely on it.
/// </remarks>
internal static class SpanMath
{
    /// <summary>matrix[r, j] += row[j] for every row r of a rows x row.Length matrix.</summary>
    public static void AddToEachRow(Span<double> matrix, ReadOnlySpan<double> row, int rows)
    {
        int cols = row.Length;
        for (int r = 0; r < rows; r++) AddInPlace(matrix.Slice(r * cols, cols), row);
    }

    /// <summary>sums[j] = sum over r of matrix[r, j] (rows added in order 0, 1, ...).</summary>
    public static void SumRows(ReadOnlySpan<double> matrix, int rows, Span<double> sums)
    {
        int cols = sums.Length;
        sums.Clear();
        for (int r = 0; r < rows; r++) AddInPlace(sums, matrix.Slice(r * cols, cols));
    }

    /// <summary>x[i] += y[i].</summary>
    public static void AddInPlace(Span<double> x, ReadOnlySpan<double> y) => InPlace<Add>(x, y);

    /// <summary>x[i] *= y[i].</summary>
    public static void MultiplyInPlace(Span<double> x, ReadOnlySpan<double> y) => InPlace<Multiply>(x, y);

    /// <summary>An elementwise operation x op y, in each width the loops use.</summary>
    private interface IBinaryOperation
    {
        static abstract double Scalar(double x, double y);
        static abstract Vector256<double> Vector(Vector256<double> x, Vector256<double> y);
        static abstract Vector512<double> Vector(Vector512<double> x, Vector512<double> y);
    }

    private readonly struct Add : IBinaryOperation
    {
        public static double Scalar(double x, double y) => x + y;
        public static Vector256<double> Vector(Vector256<double> x, Vector256<double> y) => x + y;
        public static Vector512<double> Vector(Vector512<double> x, Vector512<double> y) => x + y;
    }

    private readonly struct Multiply : IBinaryOperation
    {
        public static double Scalar(double x, double y) => x * y;
        public static Vector256<double> Vector(Vector256<double> x, Vector256<double> y) => x * y;
        public static Vector512<double> Vector(Vector512<double> x, Vector512<double> y) => x * y;
    }

    /// <summary>x[i] = x[i] op y[i]: Vector512, then Vector256, then scalar (the same operation on every path).</summary>
    private static void InPlace<TOperation>(Span<double> x, ReadOnlySpan<double> y) where TOperation : IBinaryOperation
    {
        int n = x.Length, i = 0;
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        if (Vector512.IsHardwareAccelerated)
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
                TOperation.Vector(Vector512.LoadUnsafe(ref xr, (nuint)i), Vector512.LoadUnsafe(ref yr, (nuint)i)).StoreUnsafe(ref xr, (nuint)i);
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
                TOperation.Vector(Vector256.LoadUnsafe(ref xr, (nuint)i), Vector256.LoadUnsafe(ref yr, (nuint)i)).StoreUnsafe(ref xr, (nuint)i);
        for (; i < n; i++) Unsafe.Add(ref xr, i) = TOperation.Scalar(Unsafe.Add(ref xr, i), Unsafe.Add(ref yr, i));
    }

    /// <summary>
    /// One step of SGD with momentum and weight decay, elementwise:
    /// g' = g + decay * w; v = momentum * v + g'; w = w - rate * v.
    /// With momentum 0, v is simply g' (and <paramref name="velocity"/> is still written).
    /// </summary>
    /// <remarks>
    /// The Vector512 and Vector256 bodies are the same arithmetic written once per width on purpose (the kernel
    /// layer of issue 12 replaces them with one width-generic driver).
    /// </remarks>
    public static void SgdUpdate(Span<double> weights, ReadOnlySpan<double> gradient, Span<double> velocity,
        double rate, double momentum, double decay)
    {
        int n = weights.Length, i = 0;
        ref double wr = ref MemoryMarshal.GetReference(weights);
        ref double gr = ref MemoryMarshal.GetReference(gradient);
        ref double vr = ref MemoryMarshal.GetReference(velocity);
        if (Vector512.IsHardwareAccelerated)
        {
            var r = Vector512.Create(rate); var m = Vector512.Create(momentum); var d = Vector512.Create(decay);
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var w = Vector512.LoadUnsafe(ref wr, (nuint)i);
                var g = Vector512.LoadUnsafe(ref gr, (nuint)i) + d * w;
                var v = m * Vector512.LoadUnsafe(ref vr, (nuint)i) + g;
                v.StoreUnsafe(ref vr, (nuint)i);
                (w - r * v).StoreUnsafe(ref wr, (nuint)i);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var r = Vector256.Create(rate); var m = Vector256.Create(momentum); var d = Vector256.Create(decay);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var w = Vector256.LoadUnsafe(ref wr, (nuint)i);
                var g = Vector256.LoadUnsafe(ref gr, (nuint)i) + d * w;
                var v = m * Vector256.LoadUnsafe(ref vr, (nuint)i) + g;
                v.StoreUnsafe(ref vr, (nuint)i);
                (w - r * v).StoreUnsafe(ref wr, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            double w = Unsafe.Add(ref wr, i);
            double g = Unsafe.Add(ref gr, i) + decay * w;
            double v = momentum * Unsafe.Add(ref vr, i) + g;
            Unsafe.Add(ref vr, i) = v;
            Unsafe.Add(ref wr, i) = w - rate * v;
        }
    }

    /// <summary>
    /// The Euclidean norm, the mean and the population standard deviation of <paramref name="x"/>, from the
    /// library's one overflow-safe mean/std (<see cref="ScaledMoments"/>): norm = sqrt(n) RMS.
    /// Non-finite values make every result NaN; an empty span gives zeros.
    /// </summary>
    public static (double Norm, double Mean, double Std) NormMeanStd(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty) return (0, 0, 0);
        var m = ScaledMoments.Of(x);
        if (m.Count < x.Length) return (double.NaN, double.NaN, double.NaN);
        return (Math.Sqrt(x.Length) * m.RootMeanSquare, m.Mean, m.PopulationStd);
    }

    /// <summary>
    /// The mean and the (population) standard deviation of <paramref name="x"/>, for the per-step diagnostics,
    /// where <see cref="NormMeanStd"/>'s scaling passes would cost more than the step: one vectorized pass for
    /// the sum and the sum of squares, var = E[x^2] - mean^2. Where that difference loses more than 6 of the 16
    /// digits (var &lt; 1e-6 E[x^2], a mean large against the spread) it takes a second pass over the deviations
    /// from the mean; where a square overflows (|x| above about 1e154) it falls back to <see cref="NormMeanStd"/>.
    /// Non-finite values make both results NaN; an empty span gives (0, 0).
    /// </summary>
    public static (double Mean, double Std) MeanStd(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty) return (0, 0);
        var (sum, squares) = VectorKernels.SumAndSumOfSquares(x);
        double mean = sum / x.Length, meanSquare = squares / x.Length;
        if (!double.IsFinite(mean) || !double.IsFinite(meanSquare))
        {
            var (_, scaledMean, scaledStd) = NormMeanStd(x);
            return (scaledMean, scaledStd);
        }
        double variance = meanSquare - mean * mean;
        if (variance < 1e-6 * meanSquare)
            variance = VectorKernels.Sum(x, x, x, new SquaredDeviation(mean)) / x.Length;
        return (mean, Math.Sqrt(Math.Max(variance, 0)));
    }
}
