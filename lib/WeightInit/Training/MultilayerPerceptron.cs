using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Random;

namespace WeightInit.Training;

/// <summary>
/// A multilayer perceptron: a <see cref="Network"/> of <see cref="DenseLayer"/>s only.
/// </summary>
/// <remarks>
/// <para>Forward, for a batch X = A_0 (B x n_0): Z_l = A_{l-1} W_l^T + b_l and A_l = f_l(Z_l).
/// The last layer's output A_L is the logits the <see cref="Loss"/> turns into probabilities.</para>
/// <para>Backward, from G_L = dLoss/dA_L: dZ_l = G_l * f_l'(Z_l) (elementwise), dW_l = dZ_l^T A_{l-1},
/// db_l = the column sums of dZ_l, and G_{l-1} = dZ_l W_l.</para>
/// <para>The forward pass of training computes f_l and f_l' together (Activation.ApplyWithDerivative)
/// and keeps f_l'(Z_l) for the backward pass; layers with the identity activation skip both.</para>
/// <para>An instance keeps its work buffers between calls, so it is not thread-safe.</para>
/// </remarks>
public sealed class MultilayerPerceptron : Network
{
    private readonly DenseLayer[] _layers;

    /// <summary>Creates a network from its layers, input side first.</summary>
    /// <param name="layers">At least one layer; each layer's input width must equal the previous layer's output width.</param>
    public MultilayerPerceptron(IEnumerable<DenseLayer> layers) : this(Materialize(layers))
    {
    }

    private MultilayerPerceptron(DenseLayer[] layers) : base(layers) => _layers = layers;

    /// <summary>
    /// Creates a network of dense layers with the given widths: widths[0] inputs, hidden layers of
    /// widths[1 .. ^2] units with activation <paramref name="hiddenActivation"/>, and a linear output
    /// layer of widths[^1] logits. Every weight matrix is filled by <paramref name="initializer"/>,
    /// layer by layer from the input side, drawing from <paramref name="random"/>; biases are zero.
    /// </summary>
    /// <param name="widths">At least two widths, each at least 1, e.g. [64, 256, 256, 10].</param>
    /// <param name="hiddenActivation">The activation of every hidden layer.</param>
    /// <param name="initializer">The initializer of every weight matrix.</param>
    /// <param name="random">The source of the initial weights.</param>
    /// <returns>The network.</returns>
    public static MultilayerPerceptron Create(IReadOnlyList<int> widths, Activation hiddenActivation,
        IWeightInitializer initializer, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(hiddenActivation);
        ArgumentNullException.ThrowIfNull(initializer);
        int layerCount = widths.Count - 1;
        var activations = new Activation[Math.Max(layerCount, 0)];
        var initializers = new IWeightInitializer[Math.Max(layerCount, 0)];
        for (int l = 0; l < layerCount; l++)
        {
            activations[l] = l == layerCount - 1 ? Activation.Identity : hiddenActivation;
            initializers[l] = initializer;
        }
        return Create(widths, activations, initializers, random);
    }

    /// <summary>
    /// Creates a network with a chosen activation and initializer per layer (input side first).
    /// Layer l maps widths[l] inputs to widths[l + 1] outputs; biases are zero.
    /// </summary>
    /// <param name="widths">At least two widths, each at least 1.</param>
    /// <param name="activations">widths.Count - 1 activations; use <see cref="Activation.Identity"/> for logits.</param>
    /// <param name="initializers">widths.Count - 1 initializers.</param>
    /// <param name="random">The source of the initial weights, drawn layer by layer from the input side.</param>
    /// <returns>The network.</returns>
    public static MultilayerPerceptron Create(IReadOnlyList<int> widths, IReadOnlyList<Activation> activations,
        IReadOnlyList<IWeightInitializer> initializers, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(initializers);
        ArgumentNullException.ThrowIfNull(random);
        if (widths.Count < 2)
            throw new ArgumentException($"widths needs at least two entries (inputs and outputs), but it has {widths.Count}.", nameof(widths));
        for (int i = 0; i < widths.Count; i++)
            if (widths[i] <= 0)
                throw new ArgumentOutOfRangeException(nameof(widths), widths[i], $"Every width must be at least 1, but widths[{i}] is {widths[i]}.");
        int layerCount = widths.Count - 1;
        if (activations.Count != layerCount)
            throw new ArgumentException($"activations needs one entry per layer ({layerCount}), but it has {activations.Count}.", nameof(activations));
        if (initializers.Count != layerCount)
            throw new ArgumentException($"initializers needs one entry per layer ({layerCount}), but it has {initializers.Count}.", nameof(initializers));
        var layers = new DenseLayer[layerCount];
        for (int l = 0; l < layerCount; l++)
        {
            if (activations[l] is null) throw new ArgumentException($"activations[{l}] is null.", nameof(activations));
            if (initializers[l] is null) throw new ArgumentException($"initializers[{l}] is null.", nameof(initializers));
            layers[l] = new DenseLayer(widths[l], widths[l + 1], activations[l]);
            layers[l].Initialize(initializers[l], random);
        }
        return new MultilayerPerceptron(layers);
    }

    /// <summary>The layers, input side first.</summary>
    public override IReadOnlyList<DenseLayer> Layers => _layers;

    /// <summary>An independent copy of the network (same weights, biases and activations).</summary>
    /// <returns>The copy.</returns>
    public override MultilayerPerceptron Clone() => new(_layers.Select(l => l.Clone()));

    /// <summary>
    /// A copy of this network with the units of hidden layer <paramref name="layer"/> listed in another order: unit j
    /// of the copy is unit order[j] of this network (row order[j] of W_l and entry order[j] of b_l become row j and
    /// entry j, and column order[j] of the next layer's W_(l+1) becomes column j). The copy computes the same function
    /// (up to the rounding of the next layer's sums, taken in another order) with a different parameter vector: the
    /// permutation symmetry of a layer's units.
    /// </summary>
    /// <param name="layer">A hidden layer: in [0, Layers.Count - 2] (the output layer's units are the classes).</param>
    /// <param name="order">A permutation of 0 .. Layers[layer].OutputWidth - 1.</param>
    /// <returns>The reordered copy; this network is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is not a hidden layer.</exception>
    /// <exception cref="ArgumentException"><paramref name="order"/> is not a permutation of the layer's units.</exception>
    public MultilayerPerceptron WithHiddenUnitsPermuted(int layer, ReadOnlySpan<int> order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(layer, _layers.Length - 2);
        var hidden = _layers[layer];
        var next = _layers[layer + 1];
        int units = hidden.OutputWidth, inputs = hidden.InputWidth, outputs = next.OutputWidth;
        Guard.Length(order.Length, units, nameof(order), $"one entry per unit of layer {layer}");
        var seen = new bool[units];
        for (int j = 0; j < units; j++)
        {
            int source = order[j];
            if (source < 0 || source >= units || seen[source])
                throw new ArgumentException($"order must be a permutation of 0..{units - 1}, but order[{j}] is {source}.", nameof(order));
            seen[source] = true;
        }
        var copy = Clone();
        Span<double> w = copy._layers[layer].Weights, b = copy._layers[layer].Biases, v = copy._layers[layer + 1].Weights;
        for (int j = 0; j < units; j++)
        {
            hidden.IncomingWeights(order[j]).CopyTo(w.Slice(j * inputs, inputs));
            b[j] = hidden.Biases[order[j]];
            for (int k = 0; k < outputs; k++) v[k * units + j] = next.Weights[k * units + order[j]];
        }
        return copy;
    }

    private static DenseLayer[] Materialize(IEnumerable<DenseLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        return [.. layers];
    }
}
