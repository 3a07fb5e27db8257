using System.Numerics;
using System.Runtime.CompilerServices;

namespace WeightInit.Training;

// The elementwise operations of the layers' passes, for VectorKernels.Map and VectorKernels.Sum.
// Each is written once, on Vector<double>; none uses a fused multiply-add, so a lane gives the same
// bits as the scalar expression in the summary.

/// <summary>a.</summary>
internal readonly struct FirstOperand : IVectorOperation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c) => a;
}

/// <summary>a * b.</summary>
internal readonly struct Product : IVectorOperation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c) => a * b;
}

/// <summary>a * b + c.</summary>
internal readonly struct MultiplyAdd : IVectorOperation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c) => a * b + c;
}

/// <summary>(a - b) * c.</summary>
internal readonly struct SubtractMultiply : IVectorOperation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c) => (a - b) * c;
}

/// <summary>a + (b - c)^2.</summary>
internal readonly struct AddSquaredDifference : IVectorOperation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c)
    {
        var d = b - c;
        return a + d * d;
    }
}

/// <summary>a + s * b for a scalar s.</summary>
internal readonly struct AddScaled(double s) : IVectorOperation
{
    private readonly Vector<double> _s = new(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c) => a + _s * b;
}

/// <summary>s * a for a scalar s.</summary>
internal readonly struct Scaled(double s) : IVectorOperation
{
    private readonly Vector<double> _s = new(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c) => _s * a;
}

/// <summary>(a - m)^2 for a scalar m.</summary>
internal readonly struct SquaredDeviation(double m) : IVectorOperation
{
    private readonly Vector<double> _m = new(m);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c)
    {
        var d = a - _m;
        return d * d;
    }
}

/// <summary>(a - m) * s for scalars m and s.</summary>
internal readonly struct ShiftThenScale(double m, double s) : IVectorOperation
{
    private readonly Vector<double> _m = new(m), _s = new(s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c) => (a - _m) * _s;
}

/// <summary>p * a + q + r * b for scalars p, q, r.</summary>
internal readonly struct LinearCombination(double p, double q, double r) : IVectorOperation
{
    private readonly Vector<double> _p = new(p), _q = new(q), _r = new(r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]

    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c) => _p * a + _q + _r * b;
}

/// <summary>a + |b|.</summary>
internal readonly struct AddAbsolute : IVectorOperation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c) => a + Vector.Abs(b);
}

/// <summary>1 where |a| &lt; limit, else 0 (NaN counts as not below).</summary>
internal readonly struct IndicatorBelow(double limit) : IVectorOperation
{
    private readonly Vector<double> _limit = new(limit);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c) =>
        Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(a), _limit), Vector<double>.One, Vector<double>.Zero);
}
