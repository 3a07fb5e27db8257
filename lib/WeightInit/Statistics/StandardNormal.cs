using System.Runtime.CompilerServices;
using WeightInit.Kernels;
using WeightInit.Random;

namespace WeightInit.Statistics;

/// <summary>
/// The standard normal distribution, the library's one implementation of it: the density phi, the distribution
/// function Phi, the upper tail Q = 1 - Phi and the quantile Phi^-1. Used by GELU (x Phi(x)), the truncated
/// normal's moments and its sampler.
/// </summary>
/// <remarks>
/// Q(a) for a &gt;= 0 is erfc(a / sqrt 2) / 2 in the form of Press et al. (2007), Numerical Recipes 3rd ed.,
/// section 6.2.2: erfc(z) = t exp(-z^2 + g(u)) with t = 1 / (1 + z/2) and a Chebyshev fit g, with the exponent
/// a^2/2 split exactly, so that Q keeps its full relative accuracy far into the tail.
/// Phi(x) and Q(x) for x of the other sign come from Q(|x|) by symmetry: Q(-a) = 1 - Q(a).
/// </remarks>
internal static class StandardNormal
{
    /// <summary>Where the tail is clamped: Q(40) and phi(40) underflow to 0 in double.</summary>
    private const double TailClamp = 40.0;

    /// <summary>1 / sqrt(2 pi), the density at 0.</summary>
    internal const double InverseSqrtTwoPi = 0.3989422804014327;

    /// <summary>1 / (2 sqrt 2): the Chebyshev variable is t = 1 / (1 + a / (2 sqrt 2)).</summary>
    private const double InverseTwoSqrtTwo = 0.35355339059327373;

    /// <summary>The density phi(x) = e^(-x^2/2) / sqrt(2 pi).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>phi(x).</returns>
    public static double Density(double x) => InverseSqrtTwoPi * Math.Exp(-0.5 * x * x);

    /// <summary>The distribution function Phi(x) = P(Z &lt;= x) = Q(-x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>Phi(x), with full relative accuracy in the left tail.</returns>
    public static double Cdf(double x) => UpperTail(-x);

    /// <summary>The upper tail Q(x) = P(Z &gt; x) = erfc(x / sqrt 2) / 2, for any x.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>Q(x), with full relative accuracy in the right tail.</returns>
    public static double UpperTail(double x)
    {
        double q = UpperTail(Math.Abs(x), out _);
        return x < 0 ? 1.0 - q : q;
    }

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

    /// <summary>
    /// The standard normal upper tail Q(a) = P(Z &gt; a) = erfc(a / sqrt 2) / 2 for a &gt;= 0, and the density
    /// factor e^(-a^2/2). The exponent a^2/2 is split exactly (a^2 = h + l with an FMA) so that large a
    /// loses no accuracy to the rounding of a^2. a is clamped to 40, where both are 0 in double.
    /// </summary>
    /// <param name="a">The argument, at least 0 (or NaN).</param>
    /// <param name="gaussian">e^(-a^2/2), for the density.</param>
    /// <returns>Q(a).</returns>
    public static double UpperTail(double a, out double gaussian)
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

    /// <summary>The register form of <see cref="UpperTail(double, out double)"/> (any width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV UpperTail<TV>(TV a, out TV gaussian) where TV : struct, ISimdVector<TV, double>
    {
        var clamp = TV.Create(TailClamp);
        a = TV.ConditionalSelect(TV.GreaterThan(a, clamp), clamp, a);
        var one = TV.One;
        var t = one / TV.FusedMultiplyAdd(a, TV.Create(InverseTwoSqrtTwo), one);
        var u = TV.FusedMultiplyAdd(TV.Create(2.0), t, -one);
        var u2 = u + u;
        var b1 = TV.Zero;
        var b2 = TV.Zero;
        var c = TailChebyshev;
        for (int j = c.Length - 1; j >= 1; j--)
        {
            var b0 = TV.FusedMultiplyAdd(u2, b1, TV.Create(c[j]) - b2);
            b2 = b1;
            b1 = b0;
        }
        var g = TV.FusedMultiplyAdd(u, b1, TV.Create(c[0]) - b2);
        var h = a * a;
        var l = TV.FusedMultiplyAdd(a, a, -h); // exact: the low part of a^2
        var minusHalf = TV.Create(-0.5);
        var e = SimdMath.Exp(minusHalf * h);
        gaussian = e * TV.FusedMultiplyAdd(minusHalf, l, one);
        return TV.Create(0.5) * t * e * SimdMath.Exp(TV.FusedMultiplyAdd(minusHalf, l, g));
    }

    // AS 241 coefficients (Wichura 1988), ascending powers.
    private static readonly double[] A = [3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3];
    private static readonly double[] B = [1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3, 2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3];
    private static readonly double[] C = [1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4];
    private static readonly double[] D = [1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1, 1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9];
    private static readonly double[] E = [6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
    private static readonly double[] F = [1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2, 7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15];

    /// <summary>
    /// The quantile Phi^-1(p) for p in (0, 1) (p at least the smallest normal double), by Wichura's algorithm
    /// PPND16 (Wichura, 1988, "Algorithm AS 241: The percentage points of the normal distribution", Applied
    /// Statistics 37(3), 477-484): rational approximations of degree 7/7 in three regions, relative accuracy about
    /// 1e-16. The logarithm is <see cref="PolynomialMath.Log(double)"/>, so the result has the same bits on every machine.
    /// </summary>
    public static double Quantile(double p)
    {
        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r = 0.180625 - q * q;
            return q * Horner(A, r) / Horner(B, r);
        }
        double tail = q < 0 ? p : 1.0 - p;
        double rr = Math.Sqrt(-PolynomialMath.Log(tail));
        double value = rr <= 5.0
            ? Horner(C, rr - 1.6) / Horner(D, rr - 1.6)
            : Horner(E, rr - 5.0) / Horner(F, rr - 5.0);
        return q < 0 ? -value : value;
    }

    private static double Horner(double[] c, double x)
    {
        double acc = c[7];
        for (int k = 6; k >= 0; k--)
            acc = Math.FusedMultiplyAdd(acc, x, c[k]);
        return acc;
    }
}
