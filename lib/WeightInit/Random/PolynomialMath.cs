using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Random;

/// <summary>
/// The natural logarithm and the sine/cosine of a quarter-turn angle, written with only
/// IEEE 754 basic operations (+, -, *, /, fused multiply-add, bit manipulation), once for registers of any
/// width (<see cref="ISimdVector{TSelf, T}"/>; the scalar form is the same code on one lane), so that every width
/// performs the same operations in the same order and returns the same bits. <see cref="Math.Log(double)"/>
/// and <see cref="Math.Cos(double)"/> delegate to the platform's C library, whose last bit is not
/// guaranteed to agree across machines, and <c>TensorPrimitives.SinCos</c> is not vectorized in
/// .NET 10; this class is what makes the samplers both fast and reproducible everywhere.
/// </summary>
/// <remarks>
/// <para>Every multiply-add is fused (<see cref="ISimdVector{TSelf, T}.FusedMultiplyAdd"/>), on every CPU: the
/// samplers promise the same bits everywhere.</para>
/// <para><b>Logarithm</b> (positive normal x): write x = 2^e m with m in [sqrt(1/2), sqrt(2)),
/// s = (m - 1)/(m + 1) (|s| &lt;= 0.1716), and ln m = 2 atanh s = 2 (s + s^3/3 + ... + s^23/23); the series
/// is cut where the next term is below 2^-60 relative. ln x = e ln2_hi + (e ln2_lo + ln m) with the
/// fdlibm split of ln 2 (ln2_hi has 20 trailing zero bits, so e ln2_hi is exact).
/// Measured against <see cref="Math.Log(double)"/> over 2^18 random arguments in (0, 1] and in
/// [2^-1000, 2^1000]: worst error 2 units in the last place (ulp); the tests assert &lt;= 2 ulp.</para>
/// <para><b>Sine and cosine</b> of y in [-pi/4, pi/4]: Taylor polynomials to y^17 and y^18 in Horner form;
/// the first omitted terms are below 1e-19 on that interval, so the error is that of the rounding
/// of the evaluation: measured worst 1 ulp against <see cref="Math.Sin(double)"/> /
/// <see cref="Math.Cos(double)"/> over 2^18 random angles; the tests assert &lt;= 2 ulp.</para>
/// </remarks>
internal static class PolynomialMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.4142135623730951;
    private const ulong MantissaMask = 0x000F_FFFF_FFFF_FFFFUL;
    private const ulong OneBits = 0x3FF0_0000_0000_0000UL;

    // 2/(2k+1), k = 1..11: ln m = 2s + s^3 * sum_k L_k s^(2(k-1)).
    private const double L1 = 0.6666666666666666, L2 = 0.4, L3 = 0.2857142857142857, L4 = 0.2222222222222222,
        L5 = 0.18181818181818182, L6 = 0.15384615384615385, L7 = 0.13333333333333333, L8 = 0.11764705882352941,
        L9 = 0.10526315789473684, L10 = 0.09523809523809523, L11 = 0.08695652173913043;

    // (-1)^n/(2n+1)!, n = 1..8.
    private const double S1 = -0.16666666666666666, S2 = 0.008333333333333333, S3 = -0.0001984126984126984,
        S4 = 2.7557319223985893e-06, S5 = -2.505210838544172e-08, S6 = 1.6059043836821613e-10,
        S7 = -7.647163731819816e-13, S8 = 2.8114572543455206e-15;

    // (-1)^n/(2n)!, n = 1..9.
    private const double C1 = -0.5, C2 = 0.041666666666666664, C3 = -0.001388888888888889, C4 = 2.48015873015873e-05,
        C5 = -2.755731922398589e-07, C6 = 2.08767569878681e-09, C7 = -1.1470745597729725e-11,
        C8 = 4.779477332387385e-14, C9 = -1.5619206968586225e-16;

    /// <summary>ln x for a positive normal double (the register form on one lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x) => Log(new Lane<double>(x)).Value;

    /// <summary>ln x, lane by lane, for positive normal doubles.</summary>
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

    /// <summary>sin y and cos y, lane by lane, for |y| &lt;= pi/4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SinCosQuarter<TV>(TV y, out TV sin, out TV cos) where TV : struct, ISimdVector<TV, double>
    {
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

    /// <summary>A register whose lanes hold the bits <paramref name="bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Bits<TV>(ulong bits) where TV : struct, ISimdVector<TV, double> => TV.Create(BitConverter.UInt64BitsToDouble(bits));
}
