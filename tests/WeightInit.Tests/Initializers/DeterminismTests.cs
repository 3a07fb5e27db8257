using System.Runtime.InteropServices;
using WeightInit.Initializers;
using WeightInit.Random;

namespace WeightInit.Tests.Initializers;

/// <summary>The same seed gives the same bits; a different seed gives different draws; nothing else is random.</summary>
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
    public void Same_seed_same_bits_different_seed_different_draws(string name)
    {
        var (init, shape) = Random()[name];
        int n = shape.Aggregate(1, (a, b) => a * b);
        double[] a = new double[n], b = new double[n], c = new double[n];
        init.Fill(a, shape, new RandomSource(42));
        init.Fill(b, shape, new RandomSource(42));
        init.Fill(c, shape, new RandomSource(43));
        Assert.True(MemoryMarshal.Cast<double, long>(a).SequenceEqual(MemoryMarshal.Cast<double, long>(b)), "same seed, different bits (double)");
        Assert.False(MemoryMarshal.Cast<double, long>(a).SequenceEqual(MemoryMarshal.Cast<double, long>(c)), "different seeds, same draws (double)");

        float[] fa = new float[n], fb = new float[n], fc = new float[n];
        init.Fill(fa, shape, new RandomSource(42));
        init.Fill(fb, shape, new RandomSource(42));
        init.Fill(fc, shape, new RandomSource(43));
        Assert.True(MemoryMarshal.Cast<float, int>(fa).SequenceEqual(MemoryMarshal.Cast<float, int>(fb)), "same seed, different bits (float)");
        Assert.False(MemoryMarshal.Cast<float, int>(fa).SequenceEqual(MemoryMarshal.Cast<float, int>(fc)), "different seeds, same draws (float)");
    }
}
