using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Random;

/// <summary>
/// Stores destination[i] = fma(source[i], scale, offset), in double or rounded once to float, on the library's
/// elementwise driver (<see cref="SimdMap"/>), with a fused multiply-add on every path and CPU, so every path stores
/// the same bits.
/// </summary>
internal static class AffineKernels
{
    /// <summary>destination[i] = fma(source[i], scale, offset), rounded once to <typeparamref name="T"/>.</summary>
    public static void Store<T>(SimdPath path, ReadOnlySpan<double> source, Span<T> destination, double scale,
        double offset) where T : unmanaged =>
        SimdMap.Run(new Affine(scale, offset), source, default, default, destination, path);

    private readonly struct Affine(double scale, double offset) : IMapOperator
    {
        public static int Inputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            TV.FusedMultiplyAdd(a, TV.Create(scale), TV.Create(offset));
    }
}
