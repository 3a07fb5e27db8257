using System.Numerics;

namespace WeightInit.Kernels;

/// <summary>A kernel body generic over the register type, run by
/// <see cref="SimdDispatch.Run{T, TAction}(SimdPath, ref TAction)"/>.</summary>
/// <typeparam name="T">The lane type, float or double.</typeparam>
internal interface ISimdAction<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Runs the body with registers <typeparamref name="TV"/>.</summary>
    void Run<TV>() where TV : struct, ISimdVector<TV, T>;
}

/// <summary>The one place that maps a <see cref="SimdPath"/> to its register type.</summary>
/// <remarks>
/// Every loop a body runs is marked
/// <see cref="System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization"/>:
/// a kernel is called a few times with long loops, and tiered compilation left such loops in unoptimized code, where
/// no helper of the register types is inlined (measured: the normal sampler 8x slower on AVX-512 than fully optimized).
/// </remarks>
internal static class SimdDispatch
{
    /// <summary>
    /// Runs <paramref name="action"/> with the register type of <paramref name="path"/> (resolved by the caller:
    /// <see cref="SimdPaths.Resolve"/> or <see cref="SimdPaths.ResolveFused"/>; <see cref="SimdPath.Auto"/> means
    /// <see cref="SimdPaths.Best"/>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Run<T, TAction>(SimdPath path, ref TAction action)
        where T : unmanaged, IFloatingPointIeee754<T> where TAction : struct, ISimdAction<T>
    {
        switch (path.Resolve())
        {
            case SimdPath.Vector512: action.Run<Vec512<T>>(); break;
            case SimdPath.Vector256: action.Run<Vec256<T>>(); break;
            case SimdPath.Vector128: action.Run<Vec128<T>>(); break;
            default: action.Run<Lane<T>>(); break;
        }
    }
}
