using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// The Dirac delta for a convolution weight (out, in, k1, k2, ...): within each of the <see cref="Groups"/>
/// groups, output channel d gets a 1 at input channel d and the kernel's centre (k1/2, k2/2, ...), everything
/// else 0, so the convolution passes its input through (PyTorch's <c>dirac_(groups)</c>).
/// </summary>
/// <remarks>
/// Identity-preserving convolutions as in Zagoruyko &amp; Komodakis (2017), "DiracNets: Training Very Deep Neural
/// Networks Without Skip-Connections". PyTorch accepts 3-, 4- and 5-D weights; this accepts any weight with at
/// least 3 dimensions. shape[0] must be divisible by the number of groups. Draws nothing from <c>random</c>.
/// </remarks>
internal sealed class DiracInitializer : IWeightInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="groups">The number of convolution groups; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groups"/> is not positive.</exception>
    public DiracInitializer(int groups = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        Groups = groups;
    }

    /// <summary>The number of convolution groups.</summary>
    public int Groups { get; }

    /// <inheritdoc/>
    public string Name => Groups == 1 ? "Dirac" : $"Dirac(groups={Groups})";

    /// <inheritdoc/>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        List<int> ones = OneIndices(weights.Length, shape);
        weights.Clear();
        foreach (int i in ones) weights[i] = T.One;
    }

    private List<int> OneIndices(int length, ReadOnlySpan<int> shape)
    {
        if (shape.Length < 3)
            throw new ArgumentException(
                $"Dirac needs a convolution shape with at least 3 dimensions (out, in, k1, ...), but shape has " +
                    $"{shape.Length}.",
                nameof(shape));
        WeightShape.Check(length, shape, 3, Name);
        if (shape[0] % Groups != 0)
            throw new ArgumentException($"shape[0] ({shape[0]}) must be divisible by groups ({Groups}).",
                nameof(shape));
        int receptive = length / (shape[0] * shape[1]);
        // Offset of the kernel's centre inside one (k1, k2, ...) block, row-major.
        int centre = 0;
        for (int i = 2; i < shape.Length; i++) centre = centre * shape[i] + shape[i] / 2;
        int outPerGroup = shape[0] / Groups, minDim = Math.Min(outPerGroup, shape[1]);
        var ones = new List<int>(Groups * minDim);
        for (int g = 0; g < Groups; g++)
            for (int d = 0; d < minDim; d++)
                ones.Add(((g * outPerGroup + d) * shape[1] + d) * receptive + centre);
        return ones;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
