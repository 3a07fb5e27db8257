using System.Runtime.Intrinsics;

namespace WeightInit.Kernels;

/// <summary>
/// The vector width a SIMD kernel of the library runs with, ordered from narrowest to widest. One enum for
/// every kernel (the samplers, the matrix product, ...), so that a test or a benchmark forces a path the same
/// way everywhere. Kernels that promise the same bits on every path (the samplers of
/// <see cref="Random.RandomSource"/>, the matrix products of <see cref="LinearAlgebra.MatrixMultiply"/>) keep
/// that promise for every member; the path only changes the speed.
/// </summary>
/// <remarks>
/// A forced path runs even where the hardware does not accelerate it (the runtime then emulates the vector
/// type in software: the same results, much slower), so that the bit-identity tests can run every path on
/// every machine. <see cref="Auto"/> resolves to <see cref="SimdPaths.Best"/>.
/// </remarks>
internal enum SimdPath
{
    /// <summary>The widest path the hardware accelerates: <see cref="SimdPaths.Best"/>.</summary>
    Auto = 0,

    /// <summary>One element at a time, plain scalar arithmetic; portable.</summary>
    Scalar,

    /// <summary><see cref="Vector256{T}"/> registers (AVX2 on x86).</summary>
    Vector256,

    /// <summary><see cref="Vector512{T}"/> registers (AVX-512 on x86).</summary>
    Vector512,
}

/// <summary>Resolves <see cref="SimdPath.Auto"/> to the widest path the hardware accelerates.</summary>
internal static class SimdPaths
{
    /// <summary>The widest accelerated path: Vector512, else Vector256, else Scalar (a constant for the JIT).</summary>
    public static SimdPath Best =>
        Vector512.IsHardwareAccelerated ? SimdPath.Vector512
        : Vector256.IsHardwareAccelerated ? SimdPath.Vector256
        : SimdPath.Scalar;

    /// <summary><see cref="Best"/> for <see cref="SimdPath.Auto"/>, otherwise the forced path itself.</summary>
    /// <param name="path">The requested path.</param>
    /// <returns>A path other than <see cref="SimdPath.Auto"/>.</returns>
    public static SimdPath Resolve(this SimdPath path) => path == SimdPath.Auto ? Best : path;
}
