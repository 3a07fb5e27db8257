using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Convolution;

/// <summary>The elementwise pieces of the convolution layer on the library's kernel layer, and its parallel loops.</summary>
internal static unsafe class ConvolutionKernels
{
    /// <summary>Below this many values moved, a loop runs on the calling thread.</summary>
    private const long SerialThreshold = 1 << 16;

    /// <summary>x[i] += c.</summary>
    public static void AddConstant(Span<double> x, double c) => SimdMap.Run(new Shift(c), x, default, default, x, default);

    /// <summary>x[i] *= y[i].</summary>
    public static void MultiplyInPlace(Span<double> x, ReadOnlySpan<double> y) => SimdMap.Run(new Product(), x, y, default, x, default);

    /// <summary>The sum of x in 16 virtual lanes, then the tail, in a fixed order (the same bits on every path).</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        Span<double> lanes = stackalloc double[16], unused = stackalloc double[16];
        int end = SimdReduce.LaneSums(new Plain(), x, default, default, x.Length, lanes, unused);
        double sum = 0;
        foreach (double v in lanes) sum += v;
        for (int i = end; i < x.Length; i++) sum += x[i];
        return sum;
    }

    /// <summary>
    /// Runs <paramref name="body"/>(piece, a, b) for every piece in [0, pieces), on both cores when the job moves at
    /// least 2^16 values; a and b are the addresses of two pinned buffers the pieces share (each piece writes its own
    /// part only), so the result does not depend on the number of threads.
    /// </summary>
    public static void For(int pieces, long values, double* a, double* b, Action<int, nint, nint> body)
    {
        nint pa = (nint)a, pb = (nint)b;
        if (ParallelWork.Workers(values, SerialThreshold, pieces, -1) == 1)
        {
            for (int p = 0; p < pieces; p++) body(p, pa, pb);
            return;
        }
        ParallelWork.For(pieces, -1, p => body(p, pa, pb));
    }

    private readonly struct Shift(double c) : IMapOperator
    {
        public static int Inputs => 1;
        public static int Outputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c2, out TV second) where TV : struct, ISimdVector<TV, double>
        {
            second = a;
            return a + TV.Create(c);
        }
    }

    private readonly struct Product : IMapOperator
    {
        public static int Inputs => 2;
        public static int Outputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c, out TV second) where TV : struct, ISimdVector<TV, double>
        {
            second = a;
            return a * b;
        }
    }

    private readonly struct Plain : IReduceOperator
    {
        public static int Inputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Accumulate<TV>(ref TV sum0, ref TV sum1, TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> => sum0 += a;
    }
}
