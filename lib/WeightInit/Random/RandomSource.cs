using System.Numerics;
using System.Runtime.CompilerServices;

namespace WeightInit.Random;

/// <summary>
/// A seedable source of random numbers: xoshiro256** (Blackman &amp; Vigna, 2018) seeded through
/// SplitMix64. Every random draw of the library comes from an instance of this class that the
/// caller passes in; there is no hidden global generator.
/// </summary>
/// <remarks>
/// The same seed gives the same sequence, bit for bit, on every run and every machine.
/// An instance is not thread-safe; use <see cref="Fork(ulong)"/> to derive independent streams.
/// </remarks>
public sealed class RandomSource
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a source whose whole sequence is fixed by <paramref name="seed"/>.</summary>
    /// <param name="seed">Any 64-bit value; equal seeds give equal sequences.</param>
    public RandomSource(ulong seed)
    {
        Seed = seed;
        ulong sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>The seed this source was created with.</summary>
    public ulong Seed { get; }

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
        ulong a = SplitMix64(ref sm);
        ulong mixed = a ^ (stream * 0xD1B54A32D192ED03UL + 0x8CB92BA72F3D8DD7UL);
        ulong sm2 = mixed;
        return new RandomSource(SplitMix64(ref sm2));
    }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double uniformly distributed on [0, 1), with 53 random bits.</summary>
    /// <returns>A value in [0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw (Box-Muller transform).</summary>
    /// <returns>A value distributed as N(0, 1).</returns>
    public double NextStandardNormal()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Fills <paramref name="destination"/> with draws from U(low, high).</summary>
    /// <param name="destination">The values to overwrite.</param>
    /// <param name="low">The lower bound (inclusive).</param>
    /// <param name="high">The upper bound; must not be less than <paramref name="low"/>.</param>
    public void FillUniform(Span<double> destination, double low, double high)
    {
        double width = high - low;
        for (int i = 0; i < destination.Length; i++)
            destination[i] = low + width * NextDouble();
    }

    /// <inheritdoc cref="FillUniform(Span{double}, double, double)"/>
    public void FillUniform(Span<float> destination, float low, float high)
    {
        double width = (double)high - low;
        for (int i = 0; i < destination.Length; i++)
            destination[i] = (float)(low + width * NextDouble());
    }

    /// <summary>Fills <paramref name="destination"/> with draws from N(mean, std^2).</summary>
    /// <param name="destination">The values to overwrite.</param>
    /// <param name="mean">The mean of the normal distribution.</param>
    /// <param name="std">The standard deviation; must be non-negative.</param>
    public void FillNormal(Span<double> destination, double mean, double std)
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = mean + std * NextStandardNormal();
    }

    /// <inheritdoc cref="FillNormal(Span{double}, double, double)"/>
    public void FillNormal(Span<float> destination, float mean, float std)
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = (float)(mean + (double)std * NextStandardNormal());
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
