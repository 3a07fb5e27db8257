namespace WeightInit.Random;

/// <summary>
/// Which instruction set the bulk samplers of <see cref="RandomSource"/> use. Every path performs
/// the same IEEE 754 operations in the same order (fused multiply-adds everywhere), so all paths
/// give bit-identical results; the choice only changes the speed. Internal: tests and benchmarks
/// force a path, the library picks <see cref="Auto"/>.
/// </summary>
internal enum SimdPath
{
    /// <summary>The widest path the hardware accelerates (Vector512, else Vector256, else scalar).</summary>
    Auto = 0,

    /// <summary>One lane at a time, plain <c>ulong</c>/<c>double</c> arithmetic.</summary>
    Scalar,

    /// <summary>Four lanes per register (<see cref="System.Runtime.Intrinsics.Vector256{T}"/>), two registers per 8-lane step.</summary>
    Vector256,

    /// <summary>All eight lanes in one register (<see cref="System.Runtime.Intrinsics.Vector512{T}"/>).</summary>
    Vector512,
}
