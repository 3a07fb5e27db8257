using System.Runtime.CompilerServices;

namespace WeightInit.Kernels;

/// <summary>
/// The library's one home for elementary functions: e^x, e^x - 1, ln x, the sine and cosine of a quarter-turn angle
/// and the standard normal upper tail, written with IEEE 754 basic operations only (+, -, *, /, fused multiply-add,
/// bit manipulation), once for registers of any width (<see cref="ISimdVector{TSelf, T}"/> of doubles; the scalar
/// form is the same code on one <see cref="Lane{T}"/>), so that a value's result depends neither on the width nor on
/// the other values in its register, nor on the machine. The activations, the samplers, the standard normal
/// (<see cref="StandardNormal"/>) and the mean-field quadrature are built on it.
/// </summary>
/// <remarks>
/// <para>Why not the runtime's functions: the runtime's <c>Vector512.Exp</c> (and its narrower forms) computes a whole
/// register by its polynomial when every lane lies in [-708, 708] and falls back to the scalar
/// <see cref="Math.Exp(double)"/> for the whole register otherwise, and the fallback is taken or not depending on the
/// JIT tier: a value's last bit then depends on its neighbours and on how long the process has run.
/// <see cref="Math.Log(double)"/> and <see cref="Math.Cos(double)"/> delegate to the platform's C library, whose last
/// bit is not guaranteed to agree across machines, and <c>TensorPrimitives.SinCos</c> is not vectorized in .NET 10.
/// </para>
/// <para>Every multiply-add is fused (<see cref="ISimdVector{TSelf, T}.FusedMultiplyAdd"/>), on every CPU. Two
/// scalar forms call <see cref="Math.Exp(double)"/> instead of the register form, and say so:
/// <see cref="ExpM1(double)"/> and <see cref="NormalUpperTail(double, out double)"/>, the scalar activations' and
/// distribution functions' reference.</para>
/// </remarks>
internal static class SimdMath
{
    // e^x: the reduction and polynomial of the runtime's VectorMath.ExpDouble (after AMD's aocl-libm vrd2_exp, BSD
    // licence): n = round(x / ln 2), r = x - n ln 2 (ln 2 split in a head and a tail), e^r by a degree-12 polynomial.
    private const double Huge = 6755399441055744.0; // 1.5 * 2^52: adding it rounds to an integer held in the low bits
    private const double InverseLn2 = 1.4426950408889634;
    private const double Ln2Head = 0.693359375;
    private const double Ln2Tail = -0.00021219444005469057;
    private const double E03 = 0.5000000000000018, E04 = 0.1666666666666617, E05 = 0.04166666666649277,
        E06 = 0.008333333333559272, E07 = 0.001388888895122404, E08 = 0.00019841269432677495,
        E09 = 2.4801486521374483E-05, E10 = 2.7557622532543023E-06, E11 = 2.7632293298250954E-07,
        E12 = 2.499430431958571E-08;

    /// <summary>Below this, e^x rounds to 0 in double (e^-745.14 is half the smallest subnormal).</summary>
    private const double ExpLow = -746.0;

    /// <summary>Above this, e^x overflows to infinity (e^709.79 exceeds double.MaxValue).</summary>
    private const double ExpHigh = 710.0;

    /// <summary>Below this |x|, <see cref="ExpM1(double)"/> uses its Taylor series instead of e^x - 1.</summary>
    private const double ExpM1SeriesBound = 0.5;

    // e^x - 1: Taylor coefficients 1/n! for n = 2..16 (|x| < 0.5: the truncation error is below 2e-18 relative).
    private const double F2 = 0.5, F3 = 0.16666666666666666, F4 = 0.041666666666666664, F5 = 0.008333333333333333,
        F6 = 0.001388888888888889, F7 = 0.0001984126984126984, F8 = 2.48015873015873e-05, F9 = 2.7557319223985893e-06,
        F10 = 2.755731922398589e-07, F11 = 2.505210838544172e-08, F12 = 2.08767569878681e-09,
        F13 = 1.6059043836821613e-10, F14 = 1.1470745597729725e-11, F15 = 7.647163731819816e-13,
        F16 = 4.779477332387385e-14;

    // ln x: the fdlibm split of ln 2 (Ln2Hi has 20 trailing zero bits, so e Ln2Hi is exact).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.4142135623730951;
    private const ulong MantissaMask = 0x000F_FFFF_FFFF_FFFFUL;
    private const ulong OneBits = 0x3FF0_0000_0000_0000UL;

    // ln x: 2/(2k+1), k = 1..11: ln m = 2s + s^3 * sum_k L_k s^(2(k-1)).
    private const double L1 = 0.6666666666666666, L2 = 0.4, L3 = 0.2857142857142857, L4 = 0.2222222222222222,
        L5 = 0.18181818181818182, L6 = 0.15384615384615385, L7 = 0.13333333333333333, L8 = 0.11764705882352941,
        L9 = 0.10526315789473684, L10 = 0.09523809523809523, L11 = 0.08695652173913043;

    // sin y: (-1)^n/(2n+1)!, n = 1..8.
    private const double S1 = -0.16666666666666666, S2 = 0.008333333333333333, S3 = -0.0001984126984126984,
        S4 = 2.7557319223985893e-06, S5 = -2.505210838544172e-08, S6 = 1.6059043836821613e-10,
        S7 = -7.647163731819816e-13, S8 = 2.8114572543455206e-15;

    // cos y: (-1)^n/(2n)!, n = 1..9.
    private const double C1 = -0.5, C2 = 0.041666666666666664, C3 = -0.001388888888888889, C4 = 2.48015873015873e-05,
        C5 = -2.755731922398589e-07, C6 = 2.08767569878681e-09, C7 = -1.1470745597729725e-11,
        C8 = 4.779477332387385e-14, C9 = -1.5619206968586225e-16;

    /// <summary>Where the normal tail is clamped: Q(40) and e^(-40^2/2) underflow to 0 in double.</summary>
    private const double TailClamp = 40.0;

    /// <summary>1 / (2 sqrt 2): the Chebyshev variable of the normal tail is t = 1 / (1 + a / (2 sqrt 2)).</summary>
    private const double InverseTwoSqrtTwo = 0.35355339059327373;

    /// <summary>1 / sqrt(2 pi): the standard normal density is e^(-x^2/2) / sqrt(2 pi).</summary>
    internal const double InverseSqrtTwoPi = 0.3989422804014327;

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
    /// e^x for every lane: the runtime's vector algorithm (bit for bit its result wherever every lane of a register
    /// lies in [-708, 708]), with 2^n applied as 2^(n - h) 2^h, h = round(n / 2), so that subnormal results (x down to
    /// -745) round once and x &gt; 709.78 gives +infinity. e^-infinity = 0, e^+infinity = +infinity, e^NaN = NaN.
    /// Accuracy: within 2 ulps of <see cref="Math.Exp(double)"/> (tested). The runtime evaluates this polynomial with
    /// multiply-adds that it fuses where the hardware has FMA; here they are always fused, so the result is that of
    /// every CPU with FMA on every CPU.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exp<TV>(TV x) where TV : struct, ISimdVector<TV, double>
    {
        var huge = TV.Create(Huge);
        x = TV.Min(TV.Max(x, TV.Create(ExpLow)), TV.Create(ExpHigh)); // NaN stays NaN
        var dn = TV.FusedMultiplyAdd(x, TV.Create(InverseLn2), huge);
        dn -= huge; // n, an integer
        var r = TV.FusedMultiplyAdd(dn, TV.Create(-Ln2Head), x);
        r = TV.FusedMultiplyAdd(dn, TV.Create(-Ln2Tail), r);
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var poly = TV.FusedMultiplyAdd(
            TV.FusedMultiplyAdd(
                TV.FusedMultiplyAdd(TV.Create(E12), r, TV.Create(E11)),
                r2,
                TV.FusedMultiplyAdd(TV.Create(E10), r, TV.Create(E09))),
            r8,
            TV.FusedMultiplyAdd(
                TV.FusedMultiplyAdd(
                    TV.FusedMultiplyAdd(TV.Create(E08), r, TV.Create(E07)),
                    r2,
                    TV.FusedMultiplyAdd(TV.Create(E06), r, TV.Create(E05))),
                r4,
                TV.FusedMultiplyAdd(
                    TV.FusedMultiplyAdd(TV.Create(E04), r, TV.Create(E03)),
                    r2,
                    r + TV.One)));
        // 2^n = 2^h 2^(n - h): both factors are normal for |n| <= 1076, and each product by a power of two is exact
        // unless the result leaves the normal range, where it rounds once.
        var h = TV.FusedMultiplyAdd(dn, TV.Create(0.5), huge) - huge; // round(n / 2), exact
        return poly * PowerOfTwo(h) * PowerOfTwo(dn - h);
    }

    /// <summary>2^k for an integer-valued k in [-1022, 1023] (its exponent bits built directly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV PowerOfTwo<TV>(TV k) where TV : struct, ISimdVector<TV, double>
    {
        var bits = k + TV.Create(Huge); // the integer k in the low bits
        return TV.ShiftLeftBits(TV.AddBits(bits, TV.Create(BitConverter.UInt64BitsToDouble(1023))), 52);
    }

    /// <summary>
    /// e^x - 1 without the cancellation of the naive form near 0: for |x| &lt; 1/2 its Taylor series to x^16 (Horner,
    /// fused), otherwise <see cref="Math.Exp(double)"/>(x) - 1. The scalar reference of the ELU family.
    /// </summary>
    public static double ExpM1(double x) => Math.Abs(x) < ExpM1SeriesBound ? ExpM1Series(x) : Math.Exp(x) - 1.0;

    /// <summary>
    /// e^x - 1 without the cancellation of the naive form near 0, lane by lane (the series of
    /// <see cref="ExpM1(double)"/> for |x| &lt; 1/2, <see cref="Exp{TV}"/>(x) - 1 otherwise), and e^x itself.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <param name="exp">e^x.</param>
    /// <returns>e^x - 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ExpM1<TV>(TV x, out TV exp) where TV : struct, ISimdVector<TV, double>
    {
        var series = ExpM1Series(x);
        exp = Exp(x);
        var direct = exp - TV.One;
        return TV.ConditionalSelect(TV.LessThan(TV.Abs(x), TV.Create(ExpM1SeriesBound)), series, direct);
    }

    private static double ExpM1Series(double x)
    {
        double p = F16;
        p = Math.FusedMultiplyAdd(p, x, F15); p = Math.FusedMultiplyAdd(p, x, F14);
        p = Math.FusedMultiplyAdd(p, x, F13); p = Math.FusedMultiplyAdd(p, x, F12);
        p = Math.FusedMultiplyAdd(p, x, F11); p = Math.FusedMultiplyAdd(p, x, F10);
        p = Math.FusedMultiplyAdd(p, x, F9); p = Math.FusedMultiplyAdd(p, x, F8);
        p = Math.FusedMultiplyAdd(p, x, F7); p = Math.FusedMultiplyAdd(p, x, F6);
        p = Math.FusedMultiplyAdd(p, x, F5); p = Math.FusedMultiplyAdd(p, x, F4);
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

    /// <summary>ln x for a positive normal double (the register form on one lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x) => Log(new Lane<double>(x)).Value;

    /// <summary>
    /// ln x, lane by lane, for positive normal doubles: write x = 2^e m with m in [sqrt(1/2), sqrt(2)),
    /// s = (m - 1)/(m + 1) (|s| &lt;= 0.1716), and ln m = 2 atanh s = 2 (s + s^3/3 + ... + s^23/23), the series cut
    /// where the next term is below 2^-60 relative; ln x = e ln2_hi + (e ln2_lo + ln m) with the fdlibm split of
    /// ln 2. Measured against <see cref="Math.Log(double)"/> over 2^18 random arguments in (0, 1] and in
    /// [2^-1000, 2^1000]: worst error 2 units in the last place (ulp); the tests assert &lt;= 2 ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log<TV>(TV x) where TV : struct, ISimdVector<TV, double>
    {
        TV e = TV.SubtractBits(TV.ShiftRightLogicalBits(x, 52), Bits<TV>(1023));
        TV m = (x & Bits<TV>(MantissaMask)) | Bits<TV>(OneBits);
        TV big = TV.GreaterThan(m, TV.Create(Sqrt2));
        m = TV.ConditionalSelect(big, m * TV.Create(0.5), m);
        e = TV.SubtractBits(e, big); // big is -1 where m was halved
        TV ed = TV.SignedBitsToFloat(e);
        TV one = TV.One;
        TV s = (m - one) / (m + one);
        TV s2 = s * s;
        TV p = TV.Create(L11);
        p = TV.FusedMultiplyAdd(p, s2, TV.Create(L10));
        p = TV.FusedMultiplyAdd(p, s2, TV.Create(L9));
        p = TV.FusedMultiplyAdd(p, s2, TV.Create(L8));
        p = TV.FusedMultiplyAdd(p, s2, TV.Create(L7));
        p = TV.FusedMultiplyAdd(p, s2, TV.Create(L6));
        p = TV.FusedMultiplyAdd(p, s2, TV.Create(L5));
        p = TV.FusedMultiplyAdd(p, s2, TV.Create(L4));
        p = TV.FusedMultiplyAdd(p, s2, TV.Create(L3));
        p = TV.FusedMultiplyAdd(p, s2, TV.Create(L2));
        p = TV.FusedMultiplyAdd(p, s2, TV.Create(L1));
        TV lnm = TV.FusedMultiplyAdd(s * s2, p, s + s);
        return TV.FusedMultiplyAdd(ed, TV.Create(Ln2Hi), TV.FusedMultiplyAdd(ed, TV.Create(Ln2Lo), lnm));
    }

    /// <summary>sin y and cos y for |y| &lt;= pi/4 (the register form on one lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Sin, double Cos) SinCosQuarter(double y)
    {
        SinCosQuarter(new Lane<double>(y), out var sin, out var cos);
        return (sin.Value, cos.Value);
    }

    /// <summary>
    /// sin y and cos y, lane by lane, for |y| &lt;= pi/4: Taylor polynomials to y^17 and y^18 in Horner form; the
    /// first omitted terms are below 1e-19 on that interval, so the error is that of the rounding of the evaluation:
    /// measured worst 1 ulp against <see cref="Math.Sin(double)"/> / <see cref="Math.Cos(double)"/> over 2^18 random
    /// angles; the tests assert &lt;= 2 ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SinCosQuarter<TV>(TV y, out TV sin, out TV cos) where TV : struct, ISimdVector<TV, double>
    {
        // The Horner chains here and in Log are written out on purpose: a loop over a coefficient array would give
        // the same bits but keeps the samplers' hot path from folding the coefficients into the instructions.
        TV y2 = y * y;
        TV ps = TV.Create(S8);
        ps = TV.FusedMultiplyAdd(ps, y2, TV.Create(S7));
        ps = TV.FusedMultiplyAdd(ps, y2, TV.Create(S6));
        ps = TV.FusedMultiplyAdd(ps, y2, TV.Create(S5));
        ps = TV.FusedMultiplyAdd(ps, y2, TV.Create(S4));
        ps = TV.FusedMultiplyAdd(ps, y2, TV.Create(S3));
        ps = TV.FusedMultiplyAdd(ps, y2, TV.Create(S2));
        ps = TV.FusedMultiplyAdd(ps, y2, TV.Create(S1));
        TV pc = TV.Create(C9);
        pc = TV.FusedMultiplyAdd(pc, y2, TV.Create(C8));
        pc = TV.FusedMultiplyAdd(pc, y2, TV.Create(C7));
        pc = TV.FusedMultiplyAdd(pc, y2, TV.Create(C6));
        pc = TV.FusedMultiplyAdd(pc, y2, TV.Create(C5));
        pc = TV.FusedMultiplyAdd(pc, y2, TV.Create(C4));
        pc = TV.FusedMultiplyAdd(pc, y2, TV.Create(C3));
        pc = TV.FusedMultiplyAdd(pc, y2, TV.Create(C2));
        pc = TV.FusedMultiplyAdd(pc, y2, TV.Create(C1));
        sin = TV.FusedMultiplyAdd(y * y2, ps, y);
        cos = TV.FusedMultiplyAdd(y2, pc, TV.One);
    }

    /// <summary>
    /// The standard normal upper tail Q(a) = P(Z &gt; a) = erfc(a / sqrt 2) / 2 for a &gt;= 0, and the density
    /// factor e^(-a^2/2), in the form of Press et al. (2007), Numerical Recipes 3rd ed., section 6.2.2:
    /// erfc(z) = t exp(-z^2 + g(u)) with t = 1 / (1 + z/2) and a Chebyshev fit g. The exponent a^2/2 is split exactly
    /// (a^2 = h + l with an FMA) so that Q keeps its full relative accuracy far into the tail. a is clamped to 40,
    /// where both are 0 in double. The exponentials are <see cref="Math.Exp(double)"/>: this is the scalar reference
    /// (GELU, the distribution functions of <see cref="StandardNormal"/>); <see cref="NormalUpperTail{TV}"/> is the
    /// same algorithm on <see cref="Exp{TV}"/>.
    /// </summary>
    /// <param name="a">The argument, at least 0 (or NaN).</param>
    /// <param name="gaussian">e^(-a^2/2); the density is that times <see cref="InverseSqrtTwoPi"/>.</param>
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

    /// <summary>
    /// The register form of <see cref="NormalUpperTail(double, out double)"/> (any width), with <see cref="Exp{TV}"/>
    /// for the exponentials: Q(a) for a &gt;= 0 and e^(-a^2/2), lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV NormalUpperTail<TV>(TV a, out TV gaussian) where TV : struct, ISimdVector<TV, double>
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
        var e = Exp(minusHalf * h);
        gaussian = e * TV.FusedMultiplyAdd(minusHalf, l, one);
        return TV.Create(0.5) * t * e * Exp(TV.FusedMultiplyAdd(minusHalf, l, g));
    }

    /// <summary>Returns <paramref name="value"/> where x is a number and NaN where x is NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV KeepNaN<TV>(TV x, TV value) where TV : struct, ISimdVector<TV, double> =>
        TV.ConditionalSelect(TV.Equal(x, x), value, x);

    /// <summary>Returns <paramref name="value"/> where x is a number and NaN where x is NaN.</summary>
    public static double KeepNaN(double x, double value) => double.IsNaN(x) ? x : value;

    /// <summary>A register whose lanes hold the bits <paramref name="bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Bits<TV>(ulong bits) where TV : struct, ISimdVector<TV, double> =>
        TV.Create(BitConverter.UInt64BitsToDouble(bits));
}
