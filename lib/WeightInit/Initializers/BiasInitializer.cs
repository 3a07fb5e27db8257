using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// Fills a layer's bias vector: zeros by default, or PyTorch's nn.Linear default U(+-1/sqrt(fan_in)).
/// </summary>
/// <remarks>
/// Biases usually start at 0: the weights' random values break the symmetry between units, and a zero bias
/// adds no variance to the pre-activations (Goodfellow, Bengio &amp; Courville 2016, "Deep Learning",
/// section 8.4). PyTorch instead draws them like its default weights, from U(-b, b) with b = 1/sqrt(fan_in)
/// (torch.nn.Linear.reset_parameters).
/// </remarks>
public static class BiasInitializer
{
    /// <summary>Fills <paramref name="bias"/> according to <paramref name="kind"/>.</summary>
    /// <param name="bias">The biases (one per output unit).</param>
    /// <param name="fanIn">The layer's fan_in (used by <see cref="BiasInitialization.PyTorchLinearDefault"/>); non-negative.</param>
    /// <param name="random">The source of the draws (not used for zeros).</param>
    /// <param name="kind">Zeros (the default) or PyTorch's default.</param>
    /// <exception cref="ArgumentOutOfRangeException">fanIn is negative, or kind is undefined.</exception>
    public static void Fill(Span<double> bias, int fanIn, RandomSource random, BiasInitialization kind = BiasInitialization.Zeros)
    {
        double b = BoundFor(kind, fanIn);
        if (b == 0) { bias.Clear(); return; }
        ArgumentNullException.ThrowIfNull(random);
        random.FillUniform(bias, -b, b);
    }

    /// <inheritdoc cref="Fill(Span{double}, int, RandomSource, BiasInitialization)"/>
    public static void Fill(Span<float> bias, int fanIn, RandomSource random, BiasInitialization kind = BiasInitialization.Zeros)
    {
        double b = BoundFor(kind, fanIn);
        if (b == 0) { bias.Clear(); return; }
        ArgumentNullException.ThrowIfNull(random);
        random.FillUniform(bias, -(float)b, (float)b);
    }

    /// <summary>Sets every bias to 0.</summary>
    /// <param name="bias">The biases.</param>
    public static void Zeros(Span<double> bias) => bias.Clear();

    /// <inheritdoc cref="Zeros(Span{double})"/>
    public static void Zeros(Span<float> bias) => bias.Clear();

    /// <summary>PyTorch's bias bound: 1/sqrt(fan_in), or 0 when fan_in is 0.</summary>
    /// <param name="fanIn">The layer's fan_in; non-negative.</param>
    /// <returns>The bound b of U(-b, b).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is negative.</exception>
    public static double PyTorchBound(int fanIn)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fanIn);
        return fanIn > 0 ? 1.0 / Math.Sqrt(fanIn) : 0.0;
    }

    private static double BoundFor(BiasInitialization kind, int fanIn)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fanIn);
        return kind switch
        {
            BiasInitialization.Zeros => 0.0,
            BiasInitialization.PyTorchLinearDefault => PyTorchBound(fanIn),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind is not a defined BiasInitialization."),
        };
    }
}
