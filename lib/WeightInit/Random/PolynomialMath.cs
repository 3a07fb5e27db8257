using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WeightInit.Random;

/// <summary>
/// The natural logarithm and the sine/cosine of a quarter-turn angle, written with only
/// IEEE 754 basic operations (+, -, *, /, fused multiply-add, bit manipulation), in a scalar,
/// a <see cref="Vector256{T}"/> and a <see cref="Vector512{T}"/> form that perform the same
/// operations in the same order and therefore return the same bits. <see cref="Math.Log(double)"/>
/// and <see cref="Math.Cos(double)"/> delegate to the platform's C library, whose last bit is not
/// guaranteed to agree across machines, and <c>TensorPrimitives.SinCos</c> is not vectorized in
/// .NET 10; this class is what makes the samplers both fast and reproducible everywhere.
/// </summary>
/// <remarks>
/// <para>The scalar, Vector256 and Vector512 forms of each function are the same operations written once per width on
/// purpose, so that each is inlined into its sampler's loop with its constants in registers; the tests check that
/// they agree bit for bit.</para>
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

    /// <summary>ln x for a positive normal double (scalar form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        long e = (long)(bits >> 52) - 1023;
        double m = BitConverter.UInt64BitsToDouble((bits & MantissaMask) | OneBits);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e += 1;
        }
        double ed = e;
        double s = (m - 1.0) / (m + 1.0);
        double s2 = s * s;
        double p = L11;
        p = Math.FusedMultiplyAdd(p, s2, L10);
        p = Math.FusedMultiplyAdd(p, s2, L9);
        p = Math.FusedMultiplyAdd(p, s2, L8);
        p = Math.FusedMultiplyAdd(p, s2, L7);
        p = Math.FusedMultiplyAdd(p, s2, L6);
        p = Math.FusedMultiplyAdd(p, s2, L5);
        p = Math.FusedMultiplyAdd(p, s2, L4);
        p = Math.FusedMultiplyAdd(p, s2, L3);
        p = Math.FusedMultiplyAdd(p, s2, L2);
        p = Math.FusedMultiplyAdd(p, s2, L1);
        double lnm = Math.FusedMultiplyAdd(s * s2, p, s + s);
        return Math.FusedMultiplyAdd(ed, Ln2Hi, Math.FusedMultiplyAdd(ed, Ln2Lo, lnm));
    }

    /// <summary>ln x, lane by lane, for positive normal doubles (Vector512 form of <see cref="Log(double)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log(Vector512<double> x)
    {
        Vector512<ulong> bits = x.AsUInt64();
        Vector512<long> e = Vector512.ShiftRightLogical(bits, 52).AsInt64() - Vector512.Create(1023L);
        Vector512<double> m = ((bits & Vector512.Create(MantissaMask)) | Vector512.Create(OneBits)).AsDouble();
        Vector512<double> big = Vector512.GreaterThan(m, Vector512.Create(Sqrt2));
        m = Vector512.ConditionalSelect(big, m * Vector512.Create(0.5), m);
        e -= big.AsInt64();
        Vector512<double> ed = Vector512.ConvertToDouble(e);
        Vector512<double> one = Vector512<double>.One;
        Vector512<double> s = (m - one) / (m + one);
        Vector512<double> s2 = s * s;
        Vector512<double> p = Vector512.Create(L11);
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(L10));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(L9));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(L8));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(L7));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(L6));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(L5));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(L4));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(L3));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(L2));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(L1));
        Vector512<double> lnm = Vector512.FusedMultiplyAdd(s * s2, p, s + s);
        return Vector512.FusedMultiplyAdd(ed, Vector512.Create(Ln2Hi), Vector512.FusedMultiplyAdd(ed, Vector512.Create(Ln2Lo), lnm));
    }

    /// <summary>ln x, lane by lane, for positive normal doubles (Vector256 form of <see cref="Log(double)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        Vector256<ulong> bits = x.AsUInt64();
        Vector256<long> e = Vector256.ShiftRightLogical(bits, 52).AsInt64() - Vector256.Create(1023L);
        Vector256<double> m = ((bits & Vector256.Create(MantissaMask)) | Vector256.Create(OneBits)).AsDouble();
        Vector256<double> big = Vector256.GreaterThan(m, Vector256.Create(Sqrt2));
        m = Vector256.ConditionalSelect(big, m * Vector256.Create(0.5), m);
        e -= big.AsInt64();
        Vector256<double> ed = Vector256.ConvertToDouble(e);
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> s = (m - one) / (m + one);
        Vector256<double> s2 = s * s;
        Vector256<double> p = Vector256.Create(L11);
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(L10));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(L9));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(L8));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(L7));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(L6));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(L5));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(L4));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(L3));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(L2));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(L1));
        Vector256<double> lnm = Vector256.FusedMultiplyAdd(s * s2, p, s + s);
        return Vector256.FusedMultiplyAdd(ed, Vector256.Create(Ln2Hi), Vector256.FusedMultiplyAdd(ed, Vector256.Create(Ln2Lo), lnm));
    }

    /// <summary>sin y and cos y for |y| &lt;= pi/4 (scalar form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Sin, double Cos) SinCosQuarter(double y)
    {
        double y2 = y * y;
        double ps = S8;
        ps = Math.FusedMultiplyAdd(ps, y2, S7);
        ps = Math.FusedMultiplyAdd(ps, y2, S6);
        ps = Math.FusedMultiplyAdd(ps, y2, S5);
        ps = Math.FusedMultiplyAdd(ps, y2, S4);
        ps = Math.FusedMultiplyAdd(ps, y2, S3);
        ps = Math.FusedMultiplyAdd(ps, y2, S2);
        ps = Math.FusedMultiplyAdd(ps, y2, S1);
        double pc = C9;
        pc = Math.FusedMultiplyAdd(pc, y2, C8);
        pc = Math.FusedMultiplyAdd(pc, y2, C7);
        pc = Math.FusedMultiplyAdd(pc, y2, C6);
        pc = Math.FusedMultiplyAdd(pc, y2, C5);
        pc = Math.FusedMultiplyAdd(pc, y2, C4);
        pc = Math.FusedMultiplyAdd(pc, y2, C3);
        pc = Math.FusedMultiplyAdd(pc, y2, C2);
        pc = Math.FusedMultiplyAdd(pc, y2, C1);
        return (Math.FusedMultiplyAdd(y * y2, ps, y), Math.FusedMultiplyAdd(y2, pc, 1.0));
    }

    /// <summary>Vector512 form of <see cref="SinCosQuarter(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SinCosQuarter(Vector512<double> y, out Vector512<double> sin, out Vector512<double> cos)
    {
        Vector512<double> y2 = y * y;
        Vector512<double> ps = Vector512.Create(S8);
        ps = Vector512.FusedMultiplyAdd(ps, y2, Vector512.Create(S7));
        ps = Vector512.FusedMultiplyAdd(ps, y2, Vector512.Create(S6));
        ps = Vector512.FusedMultiplyAdd(ps, y2, Vector512.Create(S5));
        ps = Vector512.FusedMultiplyAdd(ps, y2, Vector512.Create(S4));
        ps = Vector512.FusedMultiplyAdd(ps, y2, Vector512.Create(S3));
        ps = Vector512.FusedMultiplyAdd(ps, y2, Vector512.Create(S2));
        ps = Vector512.FusedMultiplyAdd(ps, y2, Vector512.Create(S1));
        Vector512<double> pc = Vector512.Create(C9);
        pc = Vector512.FusedMultiplyAdd(pc, y2, Vector512.Create(C8));
        pc = Vector512.FusedMultiplyAdd(pc, y2, Vector512.Create(C7));
        pc = Vector512.FusedMultiplyAdd(pc, y2, Vector512.Create(C6));
        pc = Vector512.FusedMultiplyAdd(pc, y2, Vector512.Create(C5));
        pc = Vector512.FusedMultiplyAdd(pc, y2, Vector512.Create(C4));
        pc = Vector512.FusedMultiplyAdd(pc, y2, Vector512.Create(C3));
        pc = Vector512.FusedMultiplyAdd(pc, y2, Vector512.Create(C2));
        pc = Vector512.FusedMultiplyAdd(pc, y2, Vector512.Create(C1));
        sin = Vector512.FusedMultiplyAdd(y * y2, ps, y);
        cos = Vector512.FusedMultiplyAdd(y2, pc, Vector512<double>.One);
    }

    /// <summary>Vector256 form of <see cref="SinCosQuarter(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SinCosQuarter(Vector256<double> y, out Vector256<double> sin, out Vector256<double> cos)
    {
        Vector256<double> y2 = y * y;
        Vector256<double> ps = Vector256.Create(S8);
        ps = Vector256.FusedMultiplyAdd(ps, y2, Vector256.Create(S7));
        ps = Vector256.FusedMultiplyAdd(ps, y2, Vector256.Create(S6));
        ps = Vector256.FusedMultiplyAdd(ps, y2, Vector256.Create(S5));
        ps = Vector256.FusedMultiplyAdd(ps, y2, Vector256.Create(S4));
        ps = Vector256.FusedMultiplyAdd(ps, y2, Vector256.Create(S3));
        ps = Vector256.FusedMultiplyAdd(ps, y2, Vector256.Create(S2));
        ps = Vector256.FusedMultiplyAdd(ps, y2, Vector256.Create(S1));
        Vector256<double> pc = Vector256.Create(C9);
        pc = Vector256.FusedMultiplyAdd(pc, y2, Vector256.Create(C8));
        pc = Vector256.FusedMultiplyAdd(pc, y2, Vector256.Create(C7));
        pc = Vector256.FusedMultiplyAdd(pc, y2, Vector256.Create(C6));
        pc = Vector256.FusedMultiplyAdd(pc, y2, Vector256.Create(C5));
        pc = Vector256.FusedMultiplyAdd(pc, y2, Vector256.Create(C4));
        pc = Vector256.FusedMultiplyAdd(pc, y2, Vector256.Create(C3));
        pc = Vector256.FusedMultiplyAdd(pc, y2, Vector256.Create(C2));
        pc = Vector256.FusedMultiplyAdd(pc, y2, Vector256.Create(C1));
        sin = Vector256.FusedMultiplyAdd(y * y2, ps, y);
        cos = Vector256.FusedMultiplyAdd(y2, pc, Vector256<double>.One);
    }
}
