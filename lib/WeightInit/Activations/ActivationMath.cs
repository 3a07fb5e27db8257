using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// Elementary functions the activations share, each in a scalar form and a register form (any width) that perform
/// the same operations, so that span results agree with the scalar ones to a few ulps.
/// </summary>
internal static class ActivationMath
{
    /// <summary>Below this |x|, <see cref="ExpM1(double)"/> uses its Taylor series instead of e^x - 1.</summary>
    private const double ExpM1SeriesBound = 0.5;

    // Taylor coefficients 1/n! for n = 2..16 (|x| < 0.5: the truncation error is below 2e-18 relative).
    private const double F2 = 0.5, F3 = 0.16666666666666666, F4 = 0.041666666666666664, F5 = 0.008333333333333333,
        F6 = 0.001388888888888889, F7 = 0.0001984126984126984, F8 = 2.48015873015873e-05, F9 = 2.7557319223985893e-06,
        F10 = 2.755731922398589e-07, F11 = 2.505210838544172e-08, F12 = 2.08767569878681e-09,
        F13 = 1.6059043836821613e-10, F14 = 1.1470745597729725e-11, F15 = 7.647163731819816e-13,
        F16 = 4.779477332387385e-14;

    /// <summary>e^x - 1 without the cancellation of the naive form near 0.</summary>
    public static double ExpM1(double x) => Math.Abs(x) < ExpM1SeriesBound ? ExpM1Series(x) : Math.Exp(x) - 1.0;

    /// <summary>e^x - 1 without the cancellation of the naive form near 0, and e^x itself.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="exp">e^x.</param>
    /// <returns>e^x - 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ExpM1<TV>(TV x, out TV exp) where TV : struct, ISimdVector<TV, double>
    {
        var series = ExpM1Series(x);
        exp = SimdMath.Exp(x);
        var direct = exp - TV.One;
        return TV.ConditionalSelect(TV.LessThan(TV.Abs(x), TV.Create(ExpM1SeriesBound)), series, direct);
    }

    private static double ExpM1Series(double x)
    {
        double p = F16;
        p = Math.FusedMultiplyAdd(p, x, F15); p = Math.FusedMultiplyAdd(p, x, F14); p = Math.FusedMultiplyAdd(p, x, F13);
        p = Math.FusedMultiplyAdd(p, x, F12); p = Math.FusedMultiplyAdd(p, x, F11); p = Math.FusedMultiplyAdd(p, x, F10);
        p = Math.FusedMultiplyAdd(p, x, F9); p = Math.FusedMultiplyAdd(p, x, F8); p = Math.FusedMultiplyAdd(p, x, F7);
        p = Math.FusedMultiplyAdd(p, x, F6); p = Math.FusedMultiplyAdd(p, x, F5); p = Math.FusedMultiplyAdd(p, x, F4);
        p = Math.FusedMultiplyAdd(p, x, F3); p = Math.FusedMultiplyAdd(p, x, F2);
        return Math.FusedMultiplyAdd(p * x, x, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpM1Series<TV>(TV x) where TV : struct, ISimdVector<TV, double>
    {
        var p = TV.Create(F16);
        p = TV.FusedMultiplyAdd(p, x, TV.Create(F15)); p = TV.FusedMultiplyAdd(p, x, TV.Create(F14));
        p = TV.FusedMultiplyAdd(p, x, TV.Create(F13)); p = TV.FusedMultiplyAdd(p, x, TV.Create(F12));
        p = TV.FusedMultiplyAdd(p, x, TV.Create(F11)); p = TV.FusedMultiplyAdd(p, x, TV.Create(F10));
        p = TV.FusedMultiplyAdd(p, x, TV.Create(F9)); p = TV.FusedMultiplyAdd(p, x, TV.Create(F8));
        p = TV.FusedMultiplyAdd(p, x, TV.Create(F7)); p = TV.FusedMultiplyAdd(p, x, TV.Create(F6));
        p = TV.FusedMultiplyAdd(p, x, TV.Create(F5)); p = TV.FusedMultiplyAdd(p, x, TV.Create(F4));
        p = TV.FusedMultiplyAdd(p, x, TV.Create(F3)); p = TV.FusedMultiplyAdd(p, x, TV.Create(F2));
        return TV.FusedMultiplyAdd(p * x, x, x);
    }

    /// <summary>Returns <paramref name="value"/> where x is a number and NaN where x is NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV KeepNaN<TV>(TV x, TV value) where TV : struct, ISimdVector<TV, double> =>
        TV.ConditionalSelect(TV.Equal(x, x), value, x);

    /// <summary>Returns <paramref name="value"/> where x is a number and NaN where x is NaN.</summary>
    public static double KeepNaN(double x, double value) => double.IsNaN(x) ? x : value;
}
