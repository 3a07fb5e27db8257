using System.Numerics;
using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Random;

/// <summary>
/// A seedable source of random numbers: xoshiro256** (Blackman &amp; Vigna, 2018, "Scrambled linear
/// pseudorandom number generators") seeded through SplitMix64 (Steele, Lea &amp; Flood, 2014, "Fast
/// splittable pseudorandom number generators"). Every random draw of the library comes from an
/// instance of this class that the caller passes in; there is no hidden global generator.
/// </summary>
/// <remarks>
/// <para><b>Bulk fills</b> (<see cref="FillUniform{T}(Span{T}, double, double)"/> and
/// <see cref="FillNormal{T}(Span{T}, double, double)"/>, for float or double destinations) draw one 64-bit key
/// from this source and cut the destination into fixed chunks of 65,536 values. Chunk c is produced by
/// eight xoshiro256** generators seeded from (key, c) and advanced in lock step in SIMD registers
/// (the widest vectors with a hardware fused multiply-add: Vector512, Vector256, Vector128, else scalar). Normals
/// use the Box-Muller transform (Box &amp; Muller, 1958, "A note on the generation of random normal deviates") with
/// the logarithm and sine/cosine evaluated by polynomials (the library's elementary functions, <c>SimdMath</c>: at
/// most 2 units in the last place in double); float results are computed in double and rounded once. Large fills run
/// the chunks on all cores with <see cref="Parallel"/>.</para>
/// <para><b>Determinism.</b> The same seed and the same sequence of calls give the same values, bit for
/// bit, on every run and every machine: every SIMD path performs the same IEEE 754 operations (fused
/// multiply-add everywhere) in the same order, and the chunking does not depend on the number of threads.
/// The one exception is <see cref="FillTruncatedNormal{T}(Span{T}, double, double, double, double)"/>:
/// it computes the two tail probabilities of its bounds once per call with <see cref="Math.Exp(double)"/>,
/// whose last bit .NET does not promise across operating systems.</para>
/// <para><b>Shape of the API.</b> Every fill is generic over the element type T of the destination
/// (<see cref="float"/> or <see cref="double"/>, inferred from a span or an array; other types throw
/// <see cref="NotSupportedException"/>) and takes the distribution's parameters as double (so that
/// <c>FillNormal(floats, 0, 0.1)</c> compiles). The draw is computed in double and rounded once to T. The
/// uniform's bounds and the normal's mean and std are first rounded to T: a float fill draws from the
/// distribution a float-typed parameter would give. The truncated normal's bounds are not rounded, so that they
/// hold exactly: its values are kept inside the interval of T that lies in [low, high].</para>
/// <para>An instance is not thread-safe; use <see cref="Fork(ulong)"/> to derive independent streams.</para>
/// </remarks>
public sealed class RandomSource
{
    /// <summary>Values per chunk of a bulk fill; each chunk has its own 8-lane stream.</summary>
    internal const int ChunkSize = 1 << 16;

    /// <summary>Values generated into the per-thread buffer before they are scaled and stored.</summary>
    private const int BufferLength = 256;

    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a source whose whole sequence is fixed by <paramref name="seed"/>.</summary>
    /// <param name="seed">Any 64-bit value; equal seeds give equal sequences.</param>
    public RandomSource(ulong seed)
    {
        Seed = seed;
        ulong sm = seed;
        _s0 = Xoshiro256StarStarLanes.SplitMix64(ref sm);
        _s1 = Xoshiro256StarStarLanes.SplitMix64(ref sm);
        _s2 = Xoshiro256StarStarLanes.SplitMix64(ref sm);
        _s3 = Xoshiro256StarStarLanes.SplitMix64(ref sm);
    }

    /// <summary>The seed this source was created with.</summary>
    public ulong Seed { get; }

    /// <summary>The SIMD path of the bulk fills (tests and benchmarks force one; results do not depend on
    /// it).</summary>
    internal SimdPath Path { get; set; } = SimdPath.Auto;

    /// <summary>The most threads a bulk fill uses; 0 or less means one per core (results do not depend on
    /// it).</summary>
    internal int MaxDegreeOfParallelism { get; set; }

    /// <summary>
    /// Derives an independent source for sub-stream <paramref name="stream"/> from this source's
    /// <see cref="Seed"/> (not from its current state), so that stream k is the same whatever
    /// has been drawn before: the building block of thread-count-independent parallel draws.
    /// </summary>
    /// <param name="stream">The index of the sub-stream.</param>
    /// <returns>A new source.</returns>
    public RandomSource Fork(ulong stream)
    {
        ulong sm = Seed ^ 0x9E3779B97F4A7C15UL;
        ulong a = Xoshiro256StarStarLanes.SplitMix64(ref sm);
        ulong mixed = a ^ (stream * 0xD1B54A32D192ED03UL + 0x8CB92BA72F3D8DD7UL);
        return new RandomSource(Xoshiro256StarStarLanes.SplitMix64(ref mixed))
        {
            Path = Path,
            MaxDegreeOfParallelism = MaxDegreeOfParallelism,
        };
    }

    /// <summary>The next 64 random bits (one xoshiro256** step).</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => Xoshiro256StarStarLanes.Step(ref _s0, ref _s1, ref _s2, ref _s3);

    /// <summary>A double uniformly distributed on [0, 1), with 53 random bits: (x &gt;&gt; 11) 2^-53.</summary>
    /// <returns>A value in [0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// An integer uniformly distributed on [0, <paramref name="maxExclusive"/>), without bias, by
    /// Lemire's multiply-and-reject method (Lemire, 2019, "Fast random integer generation in an
    /// interval", ACM TOMACS 29(1)): the high half of x s for a 32-bit x, redrawing when the low half
    /// falls below 2^32 mod s.
    /// </summary>
    /// <param name="maxExclusive">The number of possible values; must be positive.</param>
    /// <returns>A value in [0, maxExclusive).</returns>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        uint s = (uint)maxExclusive;
        ulong m = (NextUInt64() >> 32) * s;
        uint low = (uint)m;
        if (low < s)
        {
            uint threshold = (0u - s) % s;
            while (low < threshold)
            {
                m = (NextUInt64() >> 32) * s;
                low = (uint)m;
            }
        }
        return (int)(m >> 32);
    }

    /// <summary>
    /// Puts the elements of <paramref name="values"/> in a uniformly random order, in place, by the
    /// Fisher-Yates shuffle in Durstenfeld's form (Durstenfeld, 1964, "Algorithm 235: Random
    /// permutation"): for i = n-1 down to 1, swap element i with element <see cref="NextInt(int)"/>(i + 1).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The elements to permute.</param>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>
    /// A standard normal draw by the Box-Muller transform (Box &amp; Muller, 1958) from two 64-bit outputs,
    /// with the same polynomial logarithm and sine/cosine as the bulk fills (the sine half is discarded).
    /// </summary>
    /// <returns>A value distributed as N(0, 1); |value| &lt;= 8.57.</returns>
    public double NextStandardNormal()
    {
        ulong a = NextUInt64();
        ulong b = NextUInt64();
        Xoshiro256StarStarLanes.BoxMuller(a, b, out double z, out _);
        return z;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with draws from U(low, high) with the bounds first rounded to T:
    /// low + (high - low) u with u = (x &gt;&gt; 11) 2^-53 in [0, 1), computed in double with one fused
    /// multiply-add and rounded once to T.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, inferred from the destination.</typeparam>
    /// <param name="destination">The values to overwrite.</param>
    /// <param name="low">The lower bound (inclusive); finite, also when rounded to T.</param>
    /// <param name="high">The upper bound; finite and not less than <paramref name="low"/>. Every value lies in
    /// [low, high] rounded to T; high itself can only appear through rounding.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite (or overflows T),
    /// <paramref name="high"/> &lt;
    /// <paramref name="low"/>, or high - low overflows.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public void FillUniform<T>(Span<T> destination, double low, double high)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        Guard.Finite(low);
        Guard.Finite(high);
        low = InPrecision<T>(low, nameof(low));
        high = InPrecision<T>(high, nameof(high));
        double width = ValidateUniform(low, high);
        FillAffine(destination, normal: false, scale: width, offset: low);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with draws from N(mean, std^2) with mean and std first rounded to T:
    /// mean + std z with z standard normal, computed in double with one fused multiply-add and rounded once to T.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, inferred from the destination.</typeparam>
    /// <param name="destination">The values to overwrite.</param>
    /// <param name="mean">The mean of the normal distribution; finite, also when rounded to T.</param>
    /// <param name="std">The standard deviation; finite (also when rounded to T) and non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is NaN or infinite (or overflows T), or
    /// <paramref name="std"/> is negative, NaN or infinite (or overflows T).</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public void FillNormal<T>(Span<T> destination, double mean, double std)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        Guard.Finite(mean);
        Guard.FiniteNonNegative(std);
        FillAffine(destination, normal: true, scale: InPrecision<T>(std, nameof(std)),
            offset: InPrecision<T>(mean, nameof(mean)));
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with draws from N(mean, std^2) truncated to [low, high]
    /// (absolute bounds, as PyTorch's <c>trunc_normal_(tensor, mean, std, a, b)</c>): the density is
    /// proportional to exp(-(x - mean)^2 / (2 std^2)) on [low, high] and 0 elsewhere. Exact for any
    /// interval, including ones far in a tail (inversion with Wichura's AS 241 up to 25 standard
    /// deviations, Robert's 1995 rejection beyond). With std = 0 every value is mean clamped to [low, high].
    /// Computed in double and rounded once to T, then kept inside the interval of T
    /// [smallest T &gt;= low, largest T &lt;= high], so the bounds hold exactly in T too.
    /// The chunks run in parallel, each with its own stream derived from one key drawn from this
    /// source; the sampling itself is scalar.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, inferred from the destination.</typeparam>
    /// <param name="destination">The values to overwrite.</param>
    /// <param name="mean">The mean of the underlying normal; finite.</param>
    /// <param name="std">The standard deviation of the underlying normal; finite and non-negative.</param>
    /// <param name="low">The lower bound; finite.</param>
    /// <param name="high">The upper bound; finite and greater than <paramref name="low"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN or infinite, <paramref name="std"/>
    /// is negative, or <paramref name="high"/> &lt;= <paramref name="low"/>.</exception>
    /// <exception cref="ArgumentException">No value of T lies in [low, high].</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public unsafe void FillTruncatedNormal<T>(Span<T> destination, double mean, double std, double low, double high)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        ValidateTruncated(mean, std, low, high);
        T lowT = T.CreateTruncating(low), highT = T.CreateTruncating(high);
        if (double.CreateTruncating(lowT) < low) lowT = T.BitIncrement(lowT);
        if (double.CreateTruncating(highT) > high) highT = T.BitDecrement(highT);
        if (lowT > highT)
            throw new ArgumentException($"No {typeof(T).Name} lies in [low, high] = [{low:R}, {high:R}].",
                nameof(high));
        var sampler = new TruncatedNormalSampler(mean, std, low, high);
        ulong key = NextUInt64();
        fixed (T* p = destination)
        {
            nint address = (nint)p;
            int length = destination.Length;
            ForEachChunk(length, chunk =>
            {
                var random = new RandomSource(ChunkSeed(key, chunk));
                T* d = (T*)address;
                int end = (int)Math.Min(length, (long)(chunk + 1) * ChunkSize);
                for (int i = chunk * ChunkSize; i < end; i++)
                    d[i] = T.Clamp(T.CreateTruncating(sampler.Sample(random)), lowT, highT);
            });
        }
    }

    /// <summary>
    /// A finite parameter rounded to T (a float fill draws from the distribution with float parameters, as a fill
    /// whose parameters were typed in T would); throws when the rounding overflows T.
    /// </summary>
    private static double InPrecision<T>(double value, string paramName) where T : IFloatingPointIeee754<T>
    {
        double rounded = double.CreateTruncating(T.CreateTruncating(value));
        if (!double.IsFinite(rounded))
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be finite in {typeof(T).Name}, but {value:R} overflows it.");
        return rounded;
    }

    private static double ValidateUniform(double low, double high)
    {
        if (high < low)
            throw new ArgumentOutOfRangeException(nameof(high), high,
                $"high must not be less than low ({low:R}), but it is {high:R}.");
        double width = high - low;
        if (!double.IsFinite(width))
            throw new ArgumentOutOfRangeException(nameof(high), high,
                $"high - low must be finite, but {high:R} - {low:R} overflows.");
        return width;
    }

    private static void ValidateTruncated(double mean, double std, double low, double high)
    {
        Guard.Finite(mean);
        Guard.FiniteNonNegative(std);
        Guard.Finite(low);
        Guard.Finite(high);
        if (!(high > low))
            throw new ArgumentOutOfRangeException(nameof(high), high,
                $"high must be greater than low ({low:R}), but it is {high:R}.");
    }

    private static ulong ChunkSeed(ulong key, int chunk)
    {
        ulong sm = key ^ ((ulong)chunk * 0xD1B54A32D192ED03UL);
        return Xoshiro256StarStarLanes.SplitMix64(ref sm);
    }

    private void ForEachChunk(int length, Action<int> body) =>
        ParallelWork.For((int)(((long)length + ChunkSize - 1) / ChunkSize), MaxDegreeOfParallelism, body);

    private unsafe void FillAffine<T>(Span<T> destination, bool normal, double scale, double offset) where T : unmanaged
    {
        ulong key = NextUInt64();
        SimdPath path = Path.ResolveFused();
        fixed (T* p = destination)
        {
            nint address = (nint)p;
            int length = destination.Length;
            ForEachChunk(length, chunk => FillChunk(path, normal, key, chunk, length, scale, offset, (T*)address));
        }
    }

    /// <summary>Generates chunk <paramref name="chunk"/> and stores offset + scale * value into
    /// <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void FillChunk<T>(SimdPath path, bool normal, ulong key, int chunk, int length,
        double scale, double offset, T* destination) where T : unmanaged
    {
        ulong* state = stackalloc ulong[Xoshiro256StarStarLanes.StateWords];
        double* buffer = stackalloc double[BufferLength];
        Xoshiro256StarStarLanes.Seed(state, key, chunk);
        int start = chunk * ChunkSize;
        int count = Math.Min(ChunkSize, length - start);
        int perBlock = normal ? Xoshiro256StarStarLanes.NormalBlock : Xoshiro256StarStarLanes.Lanes;
        for (int done = 0; done < count; done += BufferLength)
        {
            int n = Math.Min(BufferLength, count - done);
            int blocks = (n + perBlock - 1) / perBlock;
            if (normal)
                Xoshiro256StarStarLanes.NormalBlocks(path, state, buffer, blocks);
            else
                Xoshiro256StarStarLanes.UniformBlocks(path, state, buffer, blocks);
            AffineKernels.Store(path, new ReadOnlySpan<double>(buffer, n), new Span<T>(destination + start + done, n),
                scale, offset);
        }
    }
}
