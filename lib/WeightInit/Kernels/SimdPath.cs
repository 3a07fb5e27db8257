using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace WeightInit.Kernels;

/// <summary>
/// The vector width a SIMD kernel of the library runs with, ordered from narrowest to widest. One enum for
/// every kernel (activations, statistics, the samplers, the matrix product, the trainer's span math), so that a
/// test or a benchmark forces a path the same way everywhere. Every kernel computes each element by the same
/// operations on every path, so the path changes the speed and, where the library promises bit-identical results
/// (the samplers of <see cref="Random.RandomSource"/>, the matrix products of
/// <see cref="LinearAlgebra.MatrixMultiply"/>),
/// not a single bit.
/// </summary>
/// <remarks>
/// A forced path runs even where the hardware does not accelerate it (the runtime then emulates the vector
/// type in software: the same results, much slower), so that the bit-identity tests can run every path on
/// every machine. <see cref="Auto"/> resolves to <see cref="SimdPaths.Best"/> (or <see cref="SimdPaths.BestFused"/>
/// for the kernels built on chains of fused multiply-adds).
/// </remarks>
internal enum SimdPath
{
    /// <summary>The widest path the hardware accelerates: <see cref="SimdPaths.Best"/>.</summary>
    Auto = 0,

    /// <summary>One element at a time, plain scalar arithmetic; portable.</summary>
    Scalar,

    /// <summary><see cref="Vector128{T}"/> registers (SSE on x86, AdvSimd/NEON on ARM64).</summary>
    Vector128,

    /// <summary><see cref="Vector256{T}"/> registers (AVX2 on x86).</summary>
    Vector256,

    /// <summary><see cref="Vector512{T}"/> registers (AVX-512 on x86).</summary>
    Vector512,
}

/// <summary>Resolves <see cref="SimdPath.Auto"/> to the widest path the hardware accelerates.</summary>
internal static class SimdPaths
{
    /// <summary>The paths from narrowest to widest (every member but <see cref="SimdPath.Auto"/>).</summary>
    public static IReadOnlyList<SimdPath> All { get; } =
        [SimdPath.Scalar, SimdPath.Vector128, SimdPath.Vector256, SimdPath.Vector512];

    /// <summary>
    /// The name of the environment variable that caps the width of <see cref="Best"/>: Scalar, Vector128 or Vector256
    /// (read once at start-up). It lets a benchmark run the 128-bit kernels with the hardware's fused multiply-add on
    /// an
    /// x86 machine, the shape of ARM64 NEON, which the runtime's own knobs cannot do (<c>DOTNET_EnableAVX2=0</c> also
    /// switches off FMA). Unset, or any other value: no cap.
    /// </summary>
    public const string MaxWidthVariable = "WEIGHTINIT_SIMD_MAX";

    /// <summary>
    /// The widest accelerated path: Vector512, else Vector256, else Vector128, else Scalar, no wider than
    /// <see cref="MaxWidthVariable"/> allows (read once: a constant for the optimizing JIT).
    /// </summary>
    public static SimdPath Best { get; } = Widest(Environment.GetEnvironmentVariable(MaxWidthVariable));

    /// <summary>The widest accelerated path no wider than <paramref name="cap"/> (a path's name; null or unknown: no
    /// cap).</summary>
    internal static SimdPath Widest(string? cap)
    {
        var limit =
            Enum.TryParse<SimdPath>(cap, ignoreCase: true, out var parsed) && parsed != SimdPath.Auto ? parsed
            : SimdPath.Vector512;
        var widest = Vector512.IsHardwareAccelerated ? SimdPath.Vector512
            : Vector256.IsHardwareAccelerated ? SimdPath.Vector256
            : Vector128.IsHardwareAccelerated ? SimdPath.Vector128
            : SimdPath.Scalar;
        return widest < limit ? widest : limit;
    }

    /// <summary>Whether the hardware has a fused multiply-add instruction (x86 FMA3, any ARM64).</summary>
    public static bool HasHardwareFma => Fma.IsSupported || AdvSimd.IsSupported;

    /// <summary>
    /// The widest accelerated path whose fused multiply-add is a hardware instruction, for the kernels whose
    /// results are promised bit for bit as chains of fused multiply-adds (the matrix products, the samplers).
    /// It is <see cref="Best"/> on every CPU with FMA (x86 since 2013, every ARM64). Without one (an x86 CPU
    /// before AVX2, or <c>DOTNET_EnableAVX2=0</c>) every fused multiply-add is emulated in software, and the
    /// scalar path, which emulates one value at a time, is the fastest way to keep the promised bits.
    /// </summary>
    public static SimdPath BestFused => HasHardwareFma ? Best : SimdPath.Scalar;

    /// <summary><see cref="Best"/> for <see cref="SimdPath.Auto"/>, otherwise the forced path itself.</summary>
    /// <param name="path">The requested path.</param>
    /// <returns>A path other than <see cref="SimdPath.Auto"/>.</returns>
    public static SimdPath Resolve(this SimdPath path) => path == SimdPath.Auto ? Best : path;

    /// <summary><see cref="BestFused"/> for <see cref="SimdPath.Auto"/>, otherwise the forced path itself.</summary>
    /// <param name="path">The requested path.</param>
    /// <returns>A path other than <see cref="SimdPath.Auto"/>.</returns>
    public static SimdPath ResolveFused(this SimdPath path) => path == SimdPath.Auto ? BestFused : path;

    /// <summary>The number of <typeparamref name="T"/> lanes of one register of <paramref name="path"/> (1 for
    /// scalar).</summary>
    public static int Lanes<T>(this SimdPath path) => path.Resolve() switch
    {
        SimdPath.Vector512 => Vector512<byte>.Count / System.Runtime.CompilerServices.Unsafe.SizeOf<T>(),
        SimdPath.Vector256 => Vector256<byte>.Count / System.Runtime.CompilerServices.Unsafe.SizeOf<T>(),
        SimdPath.Vector128 => Vector128<byte>.Count / System.Runtime.CompilerServices.Unsafe.SizeOf<T>(),
        _ => 1,
    };
}
