using System.Runtime.CompilerServices;
using WeightInit.Kernels;
using WeightInit.Statistics;

namespace WeightInit.Training;

/// <summary>
/// Elementwise kernels of the trainer on row-major spans, on the library's kernel layer (every vector width).
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
    public static void AddInPlace(Span<double> x, ReadOnlySpan<double> y) => VectorKernels.Map(x, y, default, x, new Sum());

    /// <summary>x[i] *= y[i].</summary>
    public static void MultiplyInPlace(Span<double> x, ReadOnlySpan<double> y) => VectorKernels.Map(x, y, default, x, new Product());

    /// <summary>
    /// One step of SGD with momentum and weight decay, elementwise:
    /// g' = g + decay * w; v = momentum * v + g'; w = w - rate * v.
    /// With momentum 0, v is simply g' (and <paramref name="velocity"/> is still written).
    /// </summary>
    public static void SgdUpdate(Span<double> weights, ReadOnlySpan<double> gradient, Span<double> velocity,
        double rate, double momentum, double decay, SimdPath path = SimdPath.Auto) =>
        SimdMap.Run(new SgdStep(rate, momentum, decay), weights, gradient, velocity, weights, velocity, path);

    /// <summary>(w, v) = (w - rate v', v') with v' = momentum v + g + decay w, from a = w, b = g, c = v.</summary>
    private readonly struct SgdStep(double rate, double momentum, double decay) : IMapOperator
    {
        public static int Inputs => 3;
        public static int Outputs => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c, out TV second) where TV : struct, ISimdVector<TV, double>
        {
            var g = b + TV.Create(decay) * a;
            var v = TV.Create(momentum) * c + g;
            second = v;
            return a - TV.Create(rate) * v;
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
