using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using WeightInit.Kernels;

namespace WeightInit.Random;

/// <summary>
/// Eight independent xoshiro256** generators (Blackman &amp; Vigna, 2018, "Scrambled linear
/// pseudorandom number generators") advanced in lock step, and the kernels that turn their
/// output into uniform and normal doubles in blocks. The state of lane l is
/// (S[l], S[8+l], S[16+l], S[24+l]); every path (scalar, Vector256, Vector512) advances each lane
/// by the same xoshiro256** step and maps its bits by the same operations, so the outputs are
/// bit-identical whatever path runs.
/// </summary>
/// <remarks>
/// Output layout. Uniform block: 8 values, value l from lane l: u = (x &gt;&gt; 11) 2^-53 in [0, 1).
/// Normal block: 16 values from two successive outputs a, b of each lane (Box &amp; Muller, 1958,
/// "A note on the generation of random normal deviates"): r = sqrt(-2 ln u1) with
/// u1 = ((a &gt;&gt; 11) + 1) 2^-53 in (0, 1], and an angle theta = k pi/2 + x pi/2 whose quadrant k is the
/// top two bits of b and whose offset x = ((b &gt;&gt; 9) mod 2^53) 2^-53 - 1/2 lies in [-1/2, 1/2), so
/// theta is uniform on [-pi/4, 7pi/4) and needs no argument reduction. Value l is r cos theta and
/// value 8 + l is r sin theta; the quadrant turns sin/cos of x pi/2 into those of theta by swaps and
/// sign flips (exact). Because u1 &gt;= 2^-53, |z| &lt;= sqrt(106 ln 2) = 8.57, a truncation of
/// probability about 1e-17.
/// </remarks>
internal static unsafe class Xoshiro256StarStarLanes
{
    /// <summary>Number of generators advanced together.</summary>
    public const int Lanes = 8;

    /// <summary>Number of state words (4 per lane).</summary>
    public const int StateWords = 4 * Lanes;

    /// <summary>Values produced by one normal block.</summary>
    public const int NormalBlock = 2 * Lanes;

    private const double TwoPowMinus53 = 1.0 / (1UL << 53);
    private const ulong Low53 = (1UL << 53) - 1;
    private const double HalfPi = 1.5707963267948966;

    /// <summary>
    /// Seeds the 8 lanes for chunk <paramref name="chunk"/> of a fill keyed by <paramref name="key"/>:
    /// the chunk's start is a SplitMix64 hash of (key, chunk), then the 32 state words are the next 32
    /// outputs of SplitMix64 (Steele, Lea &amp; Flood, 2014, "Fast splittable pseudorandom number
    /// generators"), as Blackman &amp; Vigna recommend for seeding xoshiro.
    /// </summary>
    public static void Seed(ulong* state, ulong key, long chunk)
    {
        ulong sm = Mix(key ^ Mix((ulong)chunk + 0x9E3779B97F4A7C15UL));
        for (int i = 0; i < StateWords; i++)
            state[i] = SplitMix64(ref sm);
    }

    /// <summary>SplitMix64: advances <paramref name="state"/> by the golden gamma and returns its mix.</summary>
    public static ulong SplitMix64(ref ulong state) => Mix(state += 0x9E3779B97F4A7C15UL);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Writes <paramref name="blocks"/> x 8 uniform doubles in [0, 1) to <paramref name="destination"/>.</summary>
    public static void UniformBlocks(SimdPath path, ulong* state, double* destination, int blocks)
    {
        switch (path)
        {
            case SimdPath.Vector512: Uniform512(state, destination, blocks); break;
            case SimdPath.Vector256: Uniform256(state, destination, blocks); break;
            default: UniformScalar(state, destination, blocks); break;
        }
    }

    /// <summary>Writes <paramref name="blocks"/> x 16 standard normal doubles to <paramref name="destination"/>.</summary>
    public static void NormalBlocks(SimdPath path, ulong* state, double* destination, int blocks)
    {
        switch (path)
        {
            case SimdPath.Vector512: Normal512(state, destination, blocks); break;
            case SimdPath.Vector256: Normal256(state, destination, blocks); break;
            default: NormalScalar(state, destination, blocks); break;
        }
    }

    /// <summary>
    /// The Box-Muller pair for one lane from two 64-bit outputs <paramref name="a"/> and <paramref name="b"/>
    /// (scalar form; see the remarks of the class for the mapping).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BoxMuller(ulong a, ulong b, out double z0, out double z1)
    {
        double u1 = ((a >> 11) + 1) * TwoPowMinus53;
        double r = Math.Sqrt(-2.0 * PolynomialMath.Log(u1));
        double x = ((b >> 9) & Low53) * TwoPowMinus53 - 0.5;
        var (s, c) = PolynomialMath.SinCosQuarter(x * HalfPi);
        ulong bit0 = (b >> 62) & 1;
        ulong bit1 = b >> 63;
        ulong cBits = BitConverter.DoubleToUInt64Bits(bit0 != 0 ? s : c) ^ ((bit0 ^ bit1) << 63);
        ulong sBits = BitConverter.DoubleToUInt64Bits(bit0 != 0 ? c : s) ^ (bit1 << 63);
        z0 = r * BitConverter.UInt64BitsToDouble(cBits);
        z1 = r * BitConverter.UInt64BitsToDouble(sBits);
    }

    // ---- scalar path -------------------------------------------------------------------------

    /// <summary>
    /// One xoshiro256** step of a scalar state (s0, s1, s2, s3): returns rotl(s1 * 5, 7) * 9 and advances the
    /// state, Blackman &amp; Vigna's reference step. <see cref="RandomSource.NextUInt64"/> and the scalar path use it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
    {
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NextScalar(ulong* s, int lane) =>
        Step(ref s[lane], ref s[Lanes + lane], ref s[2 * Lanes + lane], ref s[3 * Lanes + lane]);

    private static void UniformScalar(ulong* s, double* dst, int blocks)
    {
        for (int blk = 0; blk < blocks; blk++, dst += Lanes)
            for (int l = 0; l < Lanes; l++)
                dst[l] = (NextScalar(s, l) >> 11) * TwoPowMinus53;
    }

    private static void NormalScalar(ulong* s, double* dst, int blocks)
    {
        for (int blk = 0; blk < blocks; blk++, dst += NormalBlock)
        {
            for (int l = 0; l < Lanes; l++)
            {
                ulong a = NextScalar(s, l);
                ulong b = NextScalar(s, l);
                BoxMuller(a, b, out dst[l], out dst[Lanes + l]);
            }
        }
    }

    // ---- Vector512 path ----------------------------------------------------------------------
    // The Vector512 and Vector256 paths below are the same step and the same mapping written once per width on
    // purpose: each must keep its state in registers across a whole block (a width-generic driver is issue 12's
    // kernel layer). The tests check that every path gives the scalar path's bits.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> RotateLeft(Vector512<ulong> x, int k) =>
        Vector512.ShiftLeft(x, k) | Vector512.ShiftRightLogical(x, 64 - k);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Next(ref Vector512<ulong> s0, ref Vector512<ulong> s1, ref Vector512<ulong> s2, ref Vector512<ulong> s3)
    {
        Vector512<ulong> times5 = Vector512.ShiftLeft(s1, 2) + s1;
        Vector512<ulong> rotated = RotateLeft(times5, 7);
        Vector512<ulong> result = Vector512.ShiftLeft(rotated, 3) + rotated;
        Vector512<ulong> t = Vector512.ShiftLeft(s1, 17);
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    private static void Uniform512(ulong* s, double* dst, int blocks)
    {
        var s0 = Vector512.Load(s); var s1 = Vector512.Load(s + Lanes);
        var s2 = Vector512.Load(s + 2 * Lanes); var s3 = Vector512.Load(s + 3 * Lanes);
        var scale = Vector512.Create(TwoPowMinus53);
        for (int blk = 0; blk < blocks; blk++, dst += Lanes)
        {
            Vector512<ulong> x = Next(ref s0, ref s1, ref s2, ref s3);
            (Vector512.ConvertToDouble(Vector512.ShiftRightLogical(x, 11)) * scale).Store(dst);
        }
        s0.Store(s); s1.Store(s + Lanes); s2.Store(s + 2 * Lanes); s3.Store(s + 3 * Lanes);
    }

    private static void Normal512(ulong* s, double* dst, int blocks)
    {
        var s0 = Vector512.Load(s); var s1 = Vector512.Load(s + Lanes);
        var s2 = Vector512.Load(s + 2 * Lanes); var s3 = Vector512.Load(s + 3 * Lanes);
        var scale = Vector512.Create(TwoPowMinus53);
        var low53 = Vector512.Create(Low53);
        var one = Vector512<ulong>.One;
        for (int blk = 0; blk < blocks; blk++, dst += NormalBlock)
        {
            Vector512<ulong> a = Next(ref s0, ref s1, ref s2, ref s3);
            Vector512<ulong> b = Next(ref s0, ref s1, ref s2, ref s3);
            Vector512<double> u1 = Vector512.ConvertToDouble(Vector512.ShiftRightLogical(a, 11) + one) * scale;
            Vector512<double> r = Vector512.Sqrt(Vector512.Create(-2.0) * PolynomialMath.Log(u1));
            Vector512<double> x = Vector512.ConvertToDouble(Vector512.ShiftRightLogical(b, 9) & low53) * scale - Vector512.Create(0.5);
            PolynomialMath.SinCosQuarter(x * Vector512.Create(HalfPi), out var sin, out var cos);
            Vector512<ulong> bit0 = Vector512.ShiftRightLogical(b, 62) & one;
            Vector512<ulong> bit1 = Vector512.ShiftRightLogical(b, 63);
            Vector512<double> swap = (Vector512<ulong>.Zero - bit0).AsDouble();
            Vector512<ulong> cBits = Vector512.ConditionalSelect(swap, sin, cos).AsUInt64() ^ Vector512.ShiftLeft(bit0 ^ bit1, 63);
            Vector512<ulong> sBits = Vector512.ConditionalSelect(swap, cos, sin).AsUInt64() ^ Vector512.ShiftLeft(bit1, 63);
            (r * cBits.AsDouble()).Store(dst);
            (r * sBits.AsDouble()).Store(dst + Lanes);
        }
        s0.Store(s); s1.Store(s + Lanes); s2.Store(s + 2 * Lanes); s3.Store(s + 3 * Lanes);
    }

    // ---- Vector256 path: lanes 0-3 in the "lo" registers, lanes 4-7 in the "hi" registers ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RotateLeft(Vector256<ulong> x, int k) =>
        Vector256.ShiftLeft(x, k) | Vector256.ShiftRightLogical(x, 64 - k);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Next(ref Vector256<ulong> s0, ref Vector256<ulong> s1, ref Vector256<ulong> s2, ref Vector256<ulong> s3)
    {
        Vector256<ulong> times5 = Vector256.ShiftLeft(s1, 2) + s1;
        Vector256<ulong> rotated = RotateLeft(times5, 7);
        Vector256<ulong> result = Vector256.ShiftLeft(rotated, 3) + rotated;
        Vector256<ulong> t = Vector256.ShiftLeft(s1, 17);
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    private static void Uniform256(ulong* s, double* dst, int blocks)
    {
        const int H = 4;
        var l0 = Vector256.Load(s); var l1 = Vector256.Load(s + Lanes);
        var l2 = Vector256.Load(s + 2 * Lanes); var l3 = Vector256.Load(s + 3 * Lanes);
        var h0 = Vector256.Load(s + H); var h1 = Vector256.Load(s + Lanes + H);
        var h2 = Vector256.Load(s + 2 * Lanes + H); var h3 = Vector256.Load(s + 3 * Lanes + H);
        var scale = Vector256.Create(TwoPowMinus53);
        for (int blk = 0; blk < blocks; blk++, dst += Lanes)
        {
            Vector256<ulong> xl = Next(ref l0, ref l1, ref l2, ref l3);
            Vector256<ulong> xh = Next(ref h0, ref h1, ref h2, ref h3);
            (Vector256.ConvertToDouble(Vector256.ShiftRightLogical(xl, 11)) * scale).Store(dst);
            (Vector256.ConvertToDouble(Vector256.ShiftRightLogical(xh, 11)) * scale).Store(dst + H);
        }
        l0.Store(s); l1.Store(s + Lanes); l2.Store(s + 2 * Lanes); l3.Store(s + 3 * Lanes);
        h0.Store(s + H); h1.Store(s + Lanes + H); h2.Store(s + 2 * Lanes + H); h3.Store(s + 3 * Lanes + H);
    }

    private static void Normal256(ulong* s, double* dst, int blocks)
    {
        const int H = 4;
        var l0 = Vector256.Load(s); var l1 = Vector256.Load(s + Lanes);
        var l2 = Vector256.Load(s + 2 * Lanes); var l3 = Vector256.Load(s + 3 * Lanes);
        var h0 = Vector256.Load(s + H); var h1 = Vector256.Load(s + Lanes + H);
        var h2 = Vector256.Load(s + 2 * Lanes + H); var h3 = Vector256.Load(s + 3 * Lanes + H);
        for (int blk = 0; blk < blocks; blk++, dst += NormalBlock)
        {
            Vector256<ulong> al = Next(ref l0, ref l1, ref l2, ref l3);
            Vector256<ulong> bl = Next(ref l0, ref l1, ref l2, ref l3);
            Vector256<ulong> ah = Next(ref h0, ref h1, ref h2, ref h3);
            Vector256<ulong> bh = Next(ref h0, ref h1, ref h2, ref h3);
            BoxMuller256(al, bl, dst, dst + Lanes);
            BoxMuller256(ah, bh, dst + H, dst + Lanes + H);
        }
        l0.Store(s); l1.Store(s + Lanes); l2.Store(s + 2 * Lanes); l3.Store(s + 3 * Lanes);
        h0.Store(s + H); h1.Store(s + Lanes + H); h2.Store(s + 2 * Lanes + H); h3.Store(s + 3 * Lanes + H);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BoxMuller256(Vector256<ulong> a, Vector256<ulong> b, double* cosOut, double* sinOut)
    {
        var scale = Vector256.Create(TwoPowMinus53);
        var one = Vector256<ulong>.One;
        Vector256<double> u1 = Vector256.ConvertToDouble(Vector256.ShiftRightLogical(a, 11) + one) * scale;
        Vector256<double> r = Vector256.Sqrt(Vector256.Create(-2.0) * PolynomialMath.Log(u1));
        Vector256<double> x = Vector256.ConvertToDouble(Vector256.ShiftRightLogical(b, 9) & Vector256.Create(Low53)) * scale - Vector256.Create(0.5);
        PolynomialMath.SinCosQuarter(x * Vector256.Create(HalfPi), out var sin, out var cos);
        Vector256<ulong> bit0 = Vector256.ShiftRightLogical(b, 62) & one;
        Vector256<ulong> bit1 = Vector256.ShiftRightLogical(b, 63);
        Vector256<double> swap = (Vector256<ulong>.Zero - bit0).AsDouble();
        Vector256<ulong> cBits = Vector256.ConditionalSelect(swap, sin, cos).AsUInt64() ^ Vector256.ShiftLeft(bit0 ^ bit1, 63);
        Vector256<ulong> sBits = Vector256.ConditionalSelect(swap, cos, sin).AsUInt64() ^ Vector256.ShiftLeft(bit1, 63);
        (r * cBits.AsDouble()).Store(cosOut);
        (r * sBits.AsDouble()).Store(sinOut);
    }
}
