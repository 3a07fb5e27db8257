namespace WeightInit.Kernels;

/// <summary>
/// The standard normal distribution, the library's one implementation of it: the density phi, the distribution
/// function Phi, the upper tail Q = 1 - Phi and the quantile Phi^-1, in double, the same bits on every machine. Used by
/// the truncated normal's moments (initializers) and its sampler (random); GELU uses the upper-tail kernel beneath
/// (<see cref="SimdMath.NormalUpperTail(double, out double)"/> and its register form) directly.
/// </summary>
/// <remarks>
/// It sits with the elementary functions it is built on (<see cref="SimdMath"/>), below every area that uses it, so
/// that the samplers and the statistics both depend on it and not on each other.
/// Q(a) for a &gt;= 0 is <see cref="SimdMath.NormalUpperTail(double, out double)"/> (erfc(a / sqrt 2) / 2 in the form
/// of Press et al. (2007), Numerical Recipes 3rd ed., section 6.2.2, with full relative accuracy far into the tail);
/// Phi(x) and Q(x) for x of the other sign come from Q(|x|) by symmetry: Q(-a) = 1 - Q(a).
/// </remarks>
internal static class StandardNormal
{
    /// <summary>The density phi(x) = e^(-x^2/2) / sqrt(2 pi).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>phi(x).</returns>
    public static double Density(double x) => SimdMath.InverseSqrtTwoPi * Math.Exp(-0.5 * x * x);

    /// <summary>The distribution function Phi(x) = P(Z &lt;= x) = Q(-x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>Phi(x), with full relative accuracy in the left tail.</returns>
    public static double Cdf(double x) => UpperTail(-x);

    /// <summary>The upper tail Q(x) = P(Z &gt; x) = erfc(x / sqrt 2) / 2, for any x.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>Q(x), with full relative accuracy in the right tail.</returns>
    public static double UpperTail(double x)
    {
        double q = SimdMath.NormalUpperTail(Math.Abs(x), out _);
        return x < 0 ? 1.0 - q : q;
    }

    // AS 241 coefficients (Wichura 1988), ascending powers.
    private static readonly double[] A =
    [
        3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4,
        4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3,
    ];
    private static readonly double[] B =
    [
        1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3, 2.1213794301586595867e+4,
        3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3,
    ];
    private static readonly double[] C =
    [
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
        1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4,
    ];
    private static readonly double[] D =
    [
        1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1, 1.48103976427480074590e-1,
        1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9,
    ];
    private static readonly double[] E =
    [
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
        2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ];
    private static readonly double[] F =
    [
        1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15,
    ];

    /// <summary>
    /// The quantile Phi^-1(p) for p in (0, 1) (p at least the smallest normal double), by Wichura's algorithm
    /// PPND16 (Wichura, 1988, "Algorithm AS 241: The percentage points of the normal distribution", Applied
    /// Statistics 37(3), 477-484): rational approximations of degree 7/7 in three regions, relative accuracy about
    /// 1e-16. The logarithm is <see cref="SimdMath.Log(double)"/>, so the result has the same bits on every machine.
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
        double rr = Math.Sqrt(-SimdMath.Log(tail));
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
