using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Training;

// The elementwise operations of the layers' passes, for VectorKernels.Map and VectorKernels.Sum.
// Each is written once, for registers of any width; none uses a fused multiply-add, so a lane gives the same bits
// as the scalar expression in the summary.

/// <summary>a.</summary>
internal readonly struct FirstOperand : IVectorOperation
{
    public static int Inputs => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> => a;
}

/// <summary>a * b.</summary>
internal readonly struct Product : IVectorOperation
{
    public static int Inputs => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> => a * b;
}

/// <summary>a * b + c.</summary>
internal readonly struct MultiplyAdd : IVectorOperation
{
    public static int Inputs => 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> => a * b + c;
}

/// <summary>(a - b) * c.</summary>
internal readonly struct SubtractMultiply : IVectorOperation
{
    public static int Inputs => 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> => (a - b) * c;
}

/// <summary>a + (b - c)^2.</summary>
internal readonly struct AddSquaredDifference : IVectorOperation
{
    public static int Inputs => 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double>
    {
        var d = b - c;
        return a + d * d;
    }
}

/// <summary>a + s * b for a scalar s.</summary>
internal readonly struct AddScaled(double s) : IVectorOperation
{
    public static int Inputs => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> => a + TV.Create(s) * b;
}

/// <summary>s * a for a scalar s.</summary>
internal readonly struct Scaled(double s) : IVectorOperation
{
    public static int Inputs => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> => TV.Create(s) * a;
}

/// <summary>(a - m)^2 for a scalar m.</summary>
internal readonly struct SquaredDeviation(double m) : IVectorOperation
{
    public static int Inputs => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double>
    {
        var d = a - TV.Create(m);
        return d * d;
    }
}

/// <summary>(a - m) * s for scalars m and s.</summary>
internal readonly struct ShiftThenScale(double m, double s) : IVectorOperation
{
    public static int Inputs => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> => (a - TV.Create(m)) * TV.Create(s);
}

/// <summary>p * a + q + r * b for scalars p, q, r.</summary>
internal readonly struct LinearCombination(double p, double q, double r) : IVectorOperation
{
    public static int Inputs => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> => TV.Create(p) * a + TV.Create(q) + TV.Create(r) * b;
}

/// <summary>a + |b|.</summary>
internal readonly struct AddAbsolute : IVectorOperation
{
    public static int Inputs => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> => a + TV.Abs(b);
}

/// <summary>1 where |a| &lt; limit, else 0 (NaN counts as not below).</summary>
internal readonly struct IndicatorBelow(double limit) : IVectorOperation
{
    public static int Inputs => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
        TV.ConditionalSelect(TV.LessThan(TV.Abs(a), TV.Create(limit)), TV.One, TV.Zero);
}

/// <summary>a + b.</summary>
internal readonly struct Sum : IVectorOperation
{
    public static int Inputs => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> => a + b;
}
