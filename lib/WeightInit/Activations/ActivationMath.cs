using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WeightInit.Activations;

/// <summary>
/// Elementary functions the activations share, each in a scalar form and a <see cref="Vector512{T}"/>
/// form that perform the same operations, so that span results agree with the scalar ones to a few ulps.
/// </summary>
internal static class ActivationMath
{
    /// <summary>Below this |x|, <see cref="ExpM1(double)"/> uses its Taylor series instead of e^x - 1.</summary>
    private const double ExpM1SeriesBound = 0.5;

    /// <summary>Where the normal tail is clamped: Q(40) and phi(40) underflow to 0 in double.</summary>
    private const double TailClamp = 40.0;

    /// <summary>1 / sqrt(2 pi), the normal density at 0.</summary>
    internal const double InverseSqrtTwoPi = 0.3989422804014327;

    /// <summary>1 / (2 sqrt 2): the normal tail's Chebyshev variable is t = 1 / (1 + a / (2 sqrt 2)).</summary>
    private const double InverseTwoSqrtTwo = 0.35355339059327373;

    // Taylor coefficients 1/n! for n = 2..16 (|x| < 0.5: the truncation error is below 2e-18 relative).
    private const double F2 = 0.5, F3 = 0.16666666666666666, F4 = 0.041666666666666664, F5 = 0.008333333333333333,
        F6 = 0.001388888888888889, F7 = 0.0001984126984126984, F8 = 2.48015873015873e-05, F9 = 2.7557319223985893e-06,
        F10 = 2.755731922398589e-07, F11 = 2.505210838544172e-08, F12 = 2.08767569878681e-09,
        F13 = 1.6059043836821613e-10, F14 = 1.1470745597729725e-11, F15 = 7.647163731819816e-13,
        F16 = 4.779477332387385e-14;

    /// <summary>
    /// Chebyshev coefficients (the first one halved) of g(u) = ln(erfc(z) / t) + z^2 on u in [-1, 1],
    /// where t = (u + 1) / 2 and z = 2/t - 2, the form of Press et al. (2007), Numerical Recipes 3rd ed.,
    /// section 6.2.2. Computed with mpmath at 40 digits (80 Chebyshev nodes); the first omitted
    /// coefficient is below 1e-19, so erfc(z) = t exp(-z^2 + g(u)) is accurate to rounding.
    /// </summary>
    private static readonly double[] TailChebyshev =
    [
        -0.6513268598908547, 0.6419697923564902, 0.019476473204185836, -0.009561514786808632,
        -0.0009465953444820369, 0.00036683949785276145, 4.252332480690777e-05, -2.0278578112534242e-05,
        -1.6242900046470256e-06, 1.3036558355805232e-06, 1.5626441722066142e-08, -8.523809591492654e-08,
        6.5290544390988515e-09, 5.059343495551469e-09, -9.91364156493033e-10, -2.273651222931836e-10,
        9.646791102015527e-11, 2.3940380830391146e-12, -6.886027526497553e-12, 8.944879273090725e-13,
        3.130921399342958e-13, -1.1270822361367252e-13, 3.810905255189232e-16, 7.106097613609237e-15,
        -1.5230282014571043e-15, -9.457494571291233e-17, 1.210237189224279e-16, -2.816663087747177e-17,
        5.003005559445909e-20, 2.3281042579529253e-18, -8.446077682509006e-19,
    ];

    /// <summary>e^x - 1 without the cancellation of the naive form near 0.</summary>
    public static double ExpM1(double x) => Math.Abs(x) < ExpM1SeriesBound ? ExpM1Series(x) : Math.Exp(x) - 1.0;

    /// <summary>e^x - 1 without the cancellation of the naive form near 0, and e^x itself.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="exp">e^x.</param>
    /// <returns>e^x - 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> ExpM1(Vector512<double> x, out Vector512<double> exp)
    {
        var series = ExpM1Series(x);
        exp = Vector512.Exp(x);
        var direct = exp - Vector512<double>.One;
        return Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(x), Vector512.Create(ExpM1SeriesBound)), series, direct);
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
    private static Vector512<double> ExpM1Series(Vector512<double> x)
    {
        var p = Vector512.Create(F16);
        p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F15)); p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F14));
        p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F13)); p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F12));
        p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F11)); p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F10));
        p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F9)); p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F8));
        p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F7)); p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F6));
        p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F5)); p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F4));
        p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F3)); p = Vector512.FusedMultiplyAdd(p, x, Vector512.Create(F2));
        return Vector512.FusedMultiplyAdd(p * x, x, x);
    }

    /// <summary>
    /// The standard normal upper tail Q(a) = P(Z &gt; a) = erfc(a / sqrt 2) / 2 for a &gt;= 0, and the density
    /// factor e^(-a^2/2). The exponent a^2/2 is split exactly (a^2 = h + l with an FMA) so that large a
    /// loses no accuracy to the rounding of a^2. a is clamped to 40, where both are 0 in double.
    /// </summary>
    /// <param name="a">The argument, at least 0 (or NaN).</param>
    /// <param name="gaussian">e^(-a^2/2), for the density.</param>
    /// <returns>Q(a).</returns>
    public static double NormalUpperTail(double a, out double gaussian)
    {
        if (a > TailClamp) a = TailClamp;
        double t = 1.0 / Math.FusedMultiplyAdd(a, InverseTwoSqrtTwo, 1.0);
        double u = Math.FusedMultiplyAdd(2.0, t, -1.0);
        double u2 = u + u, b1 = 0.0, b2 = 0.0;
        var c = TailChebyshev;
        for (int j = c.Length - 1; j >= 1; j--)
        {
            double b0 = Math.FusedMultiplyAdd(u2, b1, c[j] - b2);
            b2 = b1;
            b1 = b0;
        }
        double g = Math.FusedMultiplyAdd(u, b1, c[0] - b2);
        double h = a * a;
        double l = Math.FusedMultiplyAdd(a, a, -h);
        double e = Math.Exp(-0.5 * h);
        gaussian = e * Math.FusedMultiplyAdd(-0.5, l, 1.0);
        return 0.5 * t * e * Math.Exp(Math.FusedMultiplyAdd(-0.5, l, g));
    }

    /// <inheritdoc cref="NormalUpperTail(double, out double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> NormalUpperTail(Vector512<double> a, out Vector512<double> gaussian)
    {
        var clamp = Vector512.Create(TailClamp);
        a = Vector512.ConditionalSelect(Vector512.GreaterThan(a, clamp), clamp, a);
        var one = Vector512<double>.One;
        var t = one / Vector512.FusedMultiplyAdd(a, Vector512.Create(InverseTwoSqrtTwo), one);
        var u = Vector512.FusedMultiplyAdd(Vector512.Create(2.0), t, -one);
        var u2 = u + u;
        var b1 = Vector512<double>.Zero;
        var b2 = Vector512<double>.Zero;
        var c = TailChebyshev;
        for (int j = c.Length - 1; j >= 1; j--)
        {
            var b0 = Vector512.FusedMultiplyAdd(u2, b1, Vector512.Create(c[j]) - b2);
            b2 = b1;
            b1 = b0;
        }
        var g = Vector512.FusedMultiplyAdd(u, b1, Vector512.Create(c[0]) - b2);
        var h = a * a;
        var l = Vector512.FusedMultiplyAdd(a, a, -h);
        var minusHalf = Vector512.Create(-0.5);
        var e = Vector512.Exp(minusHalf * h);
        gaussian = e * Vector512.FusedMultiplyAdd(minusHalf, l, one);
        return Vector512.Create(0.5) * t * e * Vector512.Exp(Vector512.FusedMultiplyAdd(minusHalf, l, g));
    }

    /// <summary>Returns <paramref name="value"/> where x is a number and NaN where x is NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> KeepNaN(Vector512<double> x, Vector512<double> value) =>
        Vector512.ConditionalSelect(Vector512.Equals(x, x), value, x);

    /// <summary>Returns <paramref name="value"/> where x is a number and NaN where x is NaN.</summary>
    public static double KeepNaN(double x, double value) => double.IsNaN(x) ? x : value;
}
