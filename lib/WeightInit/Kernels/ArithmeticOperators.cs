using System.Runtime.CompilerServices;

namespace WeightInit.Kernels;

// The arithmetic map operators the library's span code shares (in the style of the operator structs of
// System.Numerics.Tensors.TensorPrimitives), for SimdMap.Run and SimdReduce.Sum. Each is written once for registers
// of any width and uses no fused multiply-add, so a lane gives the same bits as the scalar expression in its summary,
// at any position and on every path. Operations that belong to one caller (a layer's, an optimizer's) are declared
// beside it.

/// <summary>a (the first input itself: <see cref="SimdReduce.Sum{TOp, T}"/> of it is the plain sum).</summary>
internal readonly struct IdentityOperator : IMapOperator
{
    public static int Inputs => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
        a;
}

/// <summary>a + b.</summary>
internal readonly struct AddOperator : IMapOperator
{
    public static int Inputs => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
        a + b;
}

/// <summary>a * b.</summary>
internal readonly struct MultiplyOperator : IMapOperator
{
    public static int Inputs => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
        a * b;
}

/// <summary>a * b + c, rounded twice (a product, then a sum: not fused).</summary>
internal readonly struct MultiplyAddOperator : IMapOperator
{
    public static int Inputs => 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
        a * b + c;
}

/// <summary>s * a for a scalar s.</summary>
/// <param name="s">The factor.</param>
internal readonly struct ScaleOperator(double s) : IMapOperator
{
    public static int Inputs => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
        TV.Create(s) * a;
}

/// <summary>a + s * b for a scalar s (not fused).</summary>
/// <param name="s">The factor of b.</param>
internal readonly struct AddScaledOperator(double s) : IMapOperator
{
    public static int Inputs => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
        a + TV.Create(s) * b;
}

/// <summary>(a - m)^2 for a scalar m.</summary>
/// <param name="m">The centre, usually the mean.</param>
internal readonly struct SquaredDeviationOperator(double m) : IMapOperator
{
    public static int Inputs => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double>
    {
        var d = a - TV.Create(m);
        return d * d;
    }
}
