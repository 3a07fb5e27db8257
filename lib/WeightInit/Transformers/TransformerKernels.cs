using System.Runtime.CompilerServices;
using WeightInit.Kernels;
using WeightInit.LinearAlgebra;

namespace WeightInit.Transformers;

/// <summary>
/// The elementwise passes of the transformer layers on the library's one elementwise driver (<see cref="SimdMap"/>):
/// sums for the residual stream, scaling, and the shifted exponential of the softmax (<see cref="SimdMath.Exp{TV}"/>,
/// whose result does not depend on the register width). No operation here fuses a multiply with an add, so a lane
/// gives the bits of the scalar expression on every path. The attention's small products run on one thread each
/// (<see cref="Serial"/>): the layers share the cores out over (sequence, head) pairs instead.
/// </summary>
internal static class TransformerKernels
{
    /// <summary>The products of one (sequence, head) pair: the automatic path on the calling thread.</summary>
    public static readonly GemmOptions Serial = new(SimdPath.Auto, Workers: 1);

    /// <summary>destination[i] = a[i] + b[i] (destination may be a or b).</summary>
    public static void Add(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination) =>
        SimdMap.Run(new Sum(), a, b, default, destination, default);

    /// <summary>destination[i] = a[i] * b[i] (destination may be a or b).</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination) =>
        SimdMap.Run(new ElementProduct(), a, b, default, destination, default);

    /// <summary>values[i] *= factor.</summary>
    public static void Scale(Span<double> values, double factor) =>
        SimdMap.Run(new Product(factor), values, default, default, values, default);

    /// <summary>destination[i] = e^(source[i] - shift) (destination may be source).</summary>
    public static void ShiftedExp(ReadOnlySpan<double> source, double shift, Span<double> destination) =>
        SimdMap.Run(new ShiftedExponential(shift), source, default, default, destination, default);

    /// <summary>The sum of the values, left to right.</summary>
    public static double SumOf(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum;
    }

    /// <summary>The largest value (the first element for an all-NaN-free row; NaN propagates).</summary>
    public static double MaxOf(ReadOnlySpan<double> values)
    {
        double max = values[0];
        for (int i = 1; i < values.Length; i++) max = Math.Max(max, values[i]);
        return max;
    }

    /// <summary>The mean of |x| over the values (0 for none).</summary>
    public static double MeanAbs(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += Math.Abs(v);
        return values.IsEmpty ? 0 : sum / values.Length;
    }

    /// <summary>The mean of |a - b| over the values (0 for none).</summary>
    public static double MeanAbsDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return a.IsEmpty ? 0 : sum / a.Length;
    }

    /// <summary>a + b.</summary>
    private readonly struct Sum : IMapOperator
    {
        public static int Inputs => 2;
        public static int Outputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c, out TV second) where TV : struct, ISimdVector<TV, double>
        {
            second = default;
            return a + b;
        }
    }

    /// <summary>a * b.</summary>
    private readonly struct ElementProduct : IMapOperator
    {
        public static int Inputs => 2;
        public static int Outputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c, out TV second) where TV : struct, ISimdVector<TV, double>
        {
            second = default;
            return a * b;
        }
    }

    /// <summary>a * factor.</summary>
    private readonly struct Product(double factor) : IMapOperator
    {
        public static int Inputs => 1;
        public static int Outputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c, out TV second) where TV : struct, ISimdVector<TV, double>
        {
            second = default;
            return a * TV.Create(factor);
        }
    }

    /// <summary>e^(a - shift).</summary>
    private readonly struct ShiftedExponential(double shift) : IMapOperator
    {
        public static int Inputs => 1;
        public static int Outputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c, out TV second) where TV : struct, ISimdVector<TV, double>
        {
            second = default;
            return SimdMath.Exp(a - TV.Create(shift));
        }
    }
}
