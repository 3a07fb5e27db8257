using System.Numerics;
using System.Runtime.InteropServices;

namespace WeightInit.Tests.Initializers;

/// <summary>The same seed gives the same bits; a different seed gives different draws; nothing else is
/// random.</summary>
public class DeterminismTests
{
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Random().Keys) data.Add(name);
            return data;
        }
    }

    private static Dictionary<string, (IWeightInitializer Init, int[] Shape)> Random()
    {
        // Small shapes of the same rank: determinism does not need the statistical sample sizes.
        var d = DistributionCases.All.ToDictionary(c => c.Name, c => (c.Initializer, c.Shape.Length switch
        {
            1 => new[] { 600 },
            2 => new[] { 30, 20 },
            _ => new[] { 8, 4, 3, 3 },
        }));
        d["Orthogonal tall"] = (Init.Orthogonal(1.5), [40, 12]);
        d["Orthogonal wide conv"] = (Init.Orthogonal(), [6, 2, 3, 3]);
        d["Sparse"] = (Init.Sparse(0.3, 0.1), [20, 15]);
        return d;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SameSeedSameBitsDifferentSeedDifferentDraws(string name)
    {
        var (init, shape) = Random()[name];
        SameSeedSameBits<double>(init, shape);
        SameSeedSameBits<float>(init, shape);
    }

    private static void SameSeedSameBits<T>(IWeightInitializer init, int[] shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        T[] a = new T[n], b = new T[n], c = new T[n];
        init.Fill<T>(a, shape, new RandomSource(42));
        init.Fill<T>(b, shape, new RandomSource(42));
        init.Fill<T>(c, shape, new RandomSource(43));
        Assert.True(MemoryMarshal.AsBytes(a.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(b.AsSpan())),
            $"same seed, different bits ({typeof(T).Name})");
        Assert.False(MemoryMarshal.AsBytes(a.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(c.AsSpan())),
            $"different seeds, same draws ({typeof(T).Name})");
    }
}
