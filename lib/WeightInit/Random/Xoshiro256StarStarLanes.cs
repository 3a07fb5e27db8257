using System.Numerics;
using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Random;

/// <summary>
/// Eight independent xoshiro256** generators (Blackman &amp; Vigna, 2018, "Scrambled linear
/// pseudorandom number generators") advanced in lock step, and the kernels that turn their
/// output into uniform and normal doubles in blocks. The state of lane l is
/// (S[l], S[8+l], S[16+l], S[24+l]); every path (scalar, Vector128, Vector256, Vector512) advances each
/// lane by the same xoshiro256** step and maps its bits by the same operations (one body, generic over the
/// register width: a width of W lanes runs the 8 generators as 8 / W groups), so the outputs are bit-identical
/// whatever path runs.
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

    /// <summary>Writes <paramref name="blocks"/> x 8 uniform doubles in [0, 1) to
    /// <paramref name="destination"/>.</summary>
    public static void UniformBlocks(SimdPath path, ulong* state, double* destination, int blocks)
    {
        var body = new Blocks(state, destination, blocks, normal: false);
        SimdDispatch.Run<double, Blocks>(path, ref body);
    }

    /// <summary>Writes <paramref name="blocks"/> x 16 standard normal doubles to
    /// <paramref name="destination"/>.</summary>
    public static void NormalBlocks(SimdPath path, ulong* state, double* destination, int blocks)
    {
        var body = new Blocks(state, destination, blocks, normal: true);
        SimdDispatch.Run<double, Blocks>(path, ref body);
    }

    /// <summary>
    /// The Box-Muller pair for one lane from two 64-bit outputs <paramref name="a"/> and <paramref name="b"/>
    /// (the register form on one lane; see the remarks of the class for the mapping).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BoxMuller(ulong a, ulong b, out double z0, out double z1)
    {
        BoxMuller(FromBits(a), FromBits(b), out var c, out var s);
        z0 = c.Value;
        z1 = s.Value;
    }

    /// <summary>
    /// One xoshiro256** step of a scalar state (s0, s1, s2, s3): returns rotl(s1 * 5, 7) * 9 and advances the
    /// state, Blackman &amp; Vigna's reference step. <see cref="RandomSource.NextUInt64"/> uses it; the lanes take the
    /// same step in registers (<see cref="Next{TV}"/>), and the tests check that they agree.
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

    private static Lane<double> FromBits(ulong bits) => new(BitConverter.UInt64BitsToDouble(bits));

    /// <summary>The blocks at one width: the generators in groups of the register's lane count, each group over every
    /// block.</summary>
    private readonly struct Blocks(ulong* state, double* destination, int blocks, bool normal) : ISimdAction<double>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run<TV>() where TV : struct, ISimdVector<TV, double>
        {
            for (int lane = 0; lane < Lanes; lane += TV.Count)
                if (normal) Normal<TV>(state, destination, blocks, lane);
                else Uniform<TV>(state, destination, blocks, lane);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Uniform<TV>(ulong* state, double* destination, int blocks, int lane)
            where TV : struct, ISimdVector<TV, double>
        {
            double* s = (double*)state + lane;
            TV s0 = TV.Load(s), s1 = TV.Load(s + Lanes), s2 = TV.Load(s + 2 * Lanes), s3 = TV.Load(s + 3 * Lanes);
            var scale = TV.Create(TwoPowMinus53);
            double* dst = destination + lane;
            for (int blk = 0; blk < blocks; blk++, dst += Lanes)
                TV.Store(TV.UnsignedBitsToFloat(TV.ShiftRightLogicalBits(Next(ref s0, ref s1, ref s2, ref s3), 11))
                    * scale, dst);
            TV.Store(s0, s); TV.Store(s1, s + Lanes); TV.Store(s2, s + 2 * Lanes); TV.Store(s3, s + 3 * Lanes);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Normal<TV>(ulong* state, double* destination, int blocks, int lane)
            where TV : struct, ISimdVector<TV, double>
        {
            double* s = (double*)state + lane;
            TV s0 = TV.Load(s), s1 = TV.Load(s + Lanes), s2 = TV.Load(s + 2 * Lanes), s3 = TV.Load(s + 3 * Lanes);
            double* dst = destination + lane;
            for (int blk = 0; blk < blocks; blk++, dst += NormalBlock)
            {
                TV a = Next(ref s0, ref s1, ref s2, ref s3);
                TV b = Next(ref s0, ref s1, ref s2, ref s3);
                BoxMuller(a, b, out var cos, out var sin);
                TV.Store(cos, dst);
                TV.Store(sin, dst + Lanes);
            }
            TV.Store(s0, s); TV.Store(s1, s + Lanes); TV.Store(s2, s + 2 * Lanes); TV.Store(s3, s + 3 * Lanes);
        }
    }

    /// <summary>Each lane's bits rotated left by <paramref name="k"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV RotateLeft<TV>(TV x, int k) where TV : struct, ISimdVector<TV, double> =>
        TV.ShiftLeftBits(x, k) | TV.ShiftRightLogicalBits(x, 64 - k);

    /// <summary>One xoshiro256** step of every lane (the state words' bits held in double registers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Next<TV>(ref TV s0, ref TV s1, ref TV s2, ref TV s3) where TV : struct, ISimdVector<TV, double>
    {
        TV times5 = TV.AddBits(TV.ShiftLeftBits(s1, 2), s1);
        TV rotated = RotateLeft(times5, 7);
        TV result = TV.AddBits(TV.ShiftLeftBits(rotated, 3), rotated);
        TV t = TV.ShiftLeftBits(s1, 17);
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>The Box-Muller pair of every lane from two outputs (see the remarks of the class).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BoxMuller<TV>(TV a, TV b, out TV cosine, out TV sine) where TV : struct, ISimdVector<TV, double>
    {
        var scale = TV.Create(TwoPowMinus53);
        var one = SimdMath.Bits<TV>(1);
        TV u1 = TV.UnsignedBitsToFloat(TV.AddBits(TV.ShiftRightLogicalBits(a, 11), one)) * scale;
        TV r = TV.Sqrt(TV.Create(-2.0) * SimdMath.Log(u1));
        var low53 = SimdMath.Bits<TV>(Low53);
        TV x = TV.UnsignedBitsToFloat(TV.ShiftRightLogicalBits(b, 9) & low53) * scale - TV.Create(0.5);
        SimdMath.SinCosQuarter(x * TV.Create(HalfPi), out var sin, out var cos);
        TV bit0 = TV.ShiftRightLogicalBits(b, 62) & one;
        TV bit1 = TV.ShiftRightLogicalBits(b, 63);
        TV swap = TV.SubtractBits(TV.Zero, bit0);
        TV cBits = TV.ConditionalSelect(swap, sin, cos) ^ TV.ShiftLeftBits(bit0 ^ bit1, 63);
        TV sBits = TV.ConditionalSelect(swap, cos, sin) ^ TV.ShiftLeftBits(bit1, 63);
        cosine = r * cBits;
        sine = r * sBits;
    }
}
