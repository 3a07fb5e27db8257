using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using WeightInit.Kernels;

namespace WeightInit.Convolution;

/// <summary>The elementwise pieces of the convolution layer on the library's kernel layer, and its parallel
/// loops.</summary>
internal static unsafe class ConvolutionKernels
{
    /// <summary>Below this many values moved, a loop runs on the calling thread.</summary>
    private const long SerialThreshold = 1 << 16;

    /// <summary>Copies <paramref name="count"/> values in registers (short runs, where a memory move's call costs
    /// more than the copy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyRun(double* source, double* destination, int count)
    {
        if (count >= 8 && Vector512.IsHardwareAccelerated)
        {
            int i = 0;
            for (; i <= count - 8; i += 8)
                Vector512.Load(source + i).Store(destination + i);
            if (i < count)
                Vector512.Load(source + count - 8).Store(destination + count - 8);
            return;
        }
        if (count >= 4 && Vector256.IsHardwareAccelerated)
        {
            int i = 0;
            for (; i <= count - 4; i += 4)
                Vector256.Load(source + i).Store(destination + i);
            if (i < count)
                Vector256.Load(source + count - 4).Store(destination + count - 4);
            return;
        }
        for (int i = 0; i < count; i++) destination[i] = source[i];
    }

    /// <summary>x[i] += c.</summary>
    public static void AddConstant(Span<double> x, double c) =>
        SimdMap.Run(new Shift(c), x, default, default, x);

    /// <summary>x[i] *= y[i].</summary>
    public static void MultiplyInPlace(Span<double> x, ReadOnlySpan<double> y) =>
        SimdMap.Run(new MultiplyOperator(), x, y, default, x);

    /// <summary>The sum of x in the kernel layer's fixed order (the same bits on every path).</summary>
    public static double Sum(ReadOnlySpan<double> x) => SimdReduce.Sum(new IdentityOperator(), x, default, default);

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

    /// <summary>a + c for a scalar c.</summary>
    private readonly struct Shift(double c) : IMapOperator
    {
        public static int Inputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c2) where TV : struct, ISimdVector<TV, double> => a + TV.Create(c);
    }
}
