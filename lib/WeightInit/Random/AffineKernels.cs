using System.Runtime.Intrinsics;
using WeightInit.Kernels;

namespace WeightInit.Random;

/// <summary>
/// Stores destination[i] = fma(source[i], scale, offset), in double or rounded once to float, with the
/// same fused multiply-add (and the same round-to-nearest narrowing) on every SIMD path, so every path
/// stores the same bits.
/// </summary>
/// <remarks>The Vector512 and Vector256 loops are the same operation written once per width on purpose (the kernel
/// layer of issue 12 replaces them with one width-generic driver).</remarks>
internal static unsafe class AffineKernels
{
    /// <summary>Double destination.</summary>
    public static void Store(SimdPath path, double* source, double* destination, int count, double scale, double offset)
    {
        int i = 0;
        if (path == SimdPath.Vector512)
        {
            var s = Vector512.Create(scale);
            var o = Vector512.Create(offset);
            for (; i <= count - Vector512<double>.Count; i += Vector512<double>.Count)
                Vector512.FusedMultiplyAdd(Vector512.Load(source + i), s, o).Store(destination + i);
        }
        else if (path == SimdPath.Vector256)
        {
            var s = Vector256.Create(scale);
            var o = Vector256.Create(offset);
            for (; i <= count - Vector256<double>.Count; i += Vector256<double>.Count)
                Vector256.FusedMultiplyAdd(Vector256.Load(source + i), s, o).Store(destination + i);
        }
        for (; i < count; i++)
            destination[i] = Math.FusedMultiplyAdd(source[i], scale, offset);
    }

    /// <summary>Float destination: the double result rounded to nearest float.</summary>
    public static void Store(SimdPath path, double* source, float* destination, int count, double scale, double offset)
    {
        int i = 0;
        if (path == SimdPath.Vector512)
        {
            var s = Vector512.Create(scale);
            var o = Vector512.Create(offset);
            for (; i <= count - 2 * Vector512<double>.Count; i += 2 * Vector512<double>.Count)
            {
                var lo = Vector512.FusedMultiplyAdd(Vector512.Load(source + i), s, o);
                var hi = Vector512.FusedMultiplyAdd(Vector512.Load(source + i + Vector512<double>.Count), s, o);
                Vector512.Narrow(lo, hi).Store(destination + i);
            }
        }
        else if (path == SimdPath.Vector256)
        {
            var s = Vector256.Create(scale);
            var o = Vector256.Create(offset);
            for (; i <= count - 2 * Vector256<double>.Count; i += 2 * Vector256<double>.Count)
            {
                var lo = Vector256.FusedMultiplyAdd(Vector256.Load(source + i), s, o);
                var hi = Vector256.FusedMultiplyAdd(Vector256.Load(source + i + Vector256<double>.Count), s, o);
                Vector256.Narrow(lo, hi).Store(destination + i);
            }
        }
        for (; i < count; i++)
            destination[i] = (float)Math.FusedMultiplyAdd(source[i], scale, offset);
    }
}
