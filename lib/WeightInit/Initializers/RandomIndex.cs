using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// An unbiased random integer in [0, n) from a <see cref="RandomSource"/> (Lemire 2019, "Fast Random
/// Integer Generation in an Interval"). Kept here until RandomSource offers NextInt.
/// </summary>
internal static class RandomIndex
{
    public static int Below(int n, RandomSource random)
    {
        ulong range = (ulong)n;
        UInt128 m = (UInt128)random.NextUInt64() * range;
        ulong low = (ulong)m;
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                m = (UInt128)random.NextUInt64() * range;
                low = (ulong)m;
            }
        }
        return (int)(m >> 64);
    }
}
