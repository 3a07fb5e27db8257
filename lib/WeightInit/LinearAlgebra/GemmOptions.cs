using System.Runtime.Intrinsics;

namespace WeightInit.LinearAlgebra;

/// <summary>Which instruction set the matrix product's micro-kernel uses.</summary>
internal enum GemmPath
{
    /// <summary>The widest accelerated path: <see cref="Vector512"/>, else <see cref="Vector256"/>, else scalar.</summary>
    Auto,
    /// <summary>8 rows x 2 <see cref="Vector512{T}"/> columns of accumulators (needs AVX-512 or equivalent).</summary>
    Vector512,
    /// <summary>6 rows x 2 <see cref="Vector256{T}"/> columns of accumulators (fits the 16 registers of AVX2).</summary>
    Vector256,
    /// <summary>4 x 4 scalar accumulators; portable.</summary>
    Scalar,
}

/// <summary>
/// Internal knob for tests and benchmarks: force the SIMD path and the number of workers.
/// <see cref="DegreeOfParallelism"/> 0 means automatic (one worker for small products, otherwise
/// up to <see cref="Environment.ProcessorCount"/>); a positive value is used as given (capped by the
/// number of output tiles), even for small products, so that tests can exercise the parallel split.
/// </summary>
internal readonly record struct GemmOptions(GemmPath Path = GemmPath.Auto, int DegreeOfParallelism = 0)
{
    /// <summary>The automatic choice: best path, automatic parallelism.</summary>
    public static GemmOptions Default => default;

    /// <summary>Resolves <see cref="GemmPath.Auto"/> to the widest accelerated path; throws if a forced path is not accelerated.</summary>
    public GemmPath ResolvePath()
    {
        switch (Path)
        {
            case GemmPath.Auto:
                return Vector512.IsHardwareAccelerated ? GemmPath.Vector512
                     : Vector256.IsHardwareAccelerated ? GemmPath.Vector256
                     : GemmPath.Scalar;
            case GemmPath.Vector512 when !Vector512.IsHardwareAccelerated:
            case GemmPath.Vector256 when !Vector256.IsHardwareAccelerated:
                throw new PlatformNotSupportedException($"The {Path} path is not hardware accelerated on this machine.");
            default:
                return Path;
        }
    }
}
