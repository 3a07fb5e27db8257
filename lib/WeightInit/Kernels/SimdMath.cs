using System.Runtime.CompilerServices;

namespace WeightInit.Kernels;

/// <summary>
/// Transcendental functions on registers of any width (<see cref="ISimdVector{TSelf, T}"/> of doubles), computed lane
/// by lane with the same operations on every width, so that a value's result depends neither on the width nor on the
/// other values in its register.
/// </summary>
/// <remarks>
/// The runtime's <c>Vector512.Exp</c> (and its narrower forms) computes a whole register by its polynomial when every
/// lane lies in [-708, 708] and falls back to the scalar <see cref="Math.Exp(double)"/> for the whole register
/// otherwise, and the fallback is taken or not depending on the JIT tier: a value's last bit then depends on its
/// neighbours and on how long the process has run. <see cref="Exp{TV}"/> is that same polynomial on every lane,
/// with the scaling by 2^n split in two so that it also covers the lanes the runtime hands to the fallback.
/// </remarks>
internal static class SimdMath
{
    // The reduction and polynomial of the runtime's VectorMath.ExpDouble (after AMD's aocl-libm vrd2_exp, BSD licence):
    // n = round(x / ln 2), r = x - n ln 2 (ln 2 split in a head and a tail), e^r by a degree-12 polynomial.
    private const double Huge = 6755399441055744.0; // 1.5 * 2^52: adding it rounds to an integer held in the low bits
    private const double InverseLn2 = 1.4426950408889634;
    private const double Ln2Head = 0.693359375;
    private const double Ln2Tail = -0.00021219444005469057;
    private const double C03 = 0.5000000000000018, C04 = 0.1666666666666617, C05 = 0.04166666666649277,
        C06 = 0.008333333333559272, C07 = 0.001388888895122404, C08 = 0.00019841269432677495,
        C09 = 2.4801486521374483E-05, C10 = 2.7557622532543023E-06, C11 = 2.7632293298250954E-07,
        C12 = 2.499430431958571E-08;

    /// <summary>Below this, e^x rounds to 0 in double (e^-745.14 is half the smallest subnormal).</summary>
    private const double ExpLow = -746.0;

    /// <summary>Above this, e^x overflows to infinity (e^709.79 exceeds double.MaxValue).</summary>
    private const double ExpHigh = 710.0;

    /// <summary>
    /// e^x for every lane: the runtime's vector algorithm (bit for bit its result wherever every lane of a register lies
    /// in [-708, 708]), with 2^n applied as 2^(n - h) 2^h, h = round(n / 2), so that subnormal results (x down to
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
                TV.FusedMultiplyAdd(TV.Create(C12), r, TV.Create(C11)),
                r2,
                TV.FusedMultiplyAdd(TV.Create(C10), r, TV.Create(C09))),
            r8,
            TV.FusedMultiplyAdd(
                TV.FusedMultiplyAdd(
                    TV.FusedMultiplyAdd(TV.Create(C08), r, TV.Create(C07)),
                    r2,
                    TV.FusedMultiplyAdd(TV.Create(C06), r, TV.Create(C05))),
                r4,
                TV.FusedMultiplyAdd(
                    TV.FusedMultiplyAdd(TV.Create(C04), r, TV.Create(C03)),
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
}
