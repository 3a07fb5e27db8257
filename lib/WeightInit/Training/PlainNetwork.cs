using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Random;

namespace WeightInit.Training;

/// <summary>
/// Builds plain (non-residual) networks with or without a normalization layer after every hidden
/// dense layer: Dense -> BatchNorm (or LayerNorm) -> activation, the arrangement of Ioffe &amp; Szegedy (2015).
/// </summary>
public static class PlainNetwork
{
    /// <summary>
    /// A network of widths[0] inputs, hidden layers of widths[1 .. ^2] units and a linear output layer
    /// of widths[^1] logits. Without normalization it is <see cref="MultilayerPerceptron.Create(IReadOnlyList{int}, Activation, IWeightInitializer, RandomSource)"/>;
    /// with it, each hidden layer is a linear dense layer, the normalization, then
    /// <see cref="ActivationLayer"/>(<paramref name="activation"/>). The weights are drawn in the same
    /// order either way, so the same seed gives the same weight matrices with and without normalization.
    /// </summary>
    /// <param name="widths">At least two widths, each at least 1.</param>
    /// <param name="activation">The activation of every hidden layer.</param>
    /// <param name="initializer">The initializer of every weight matrix; biases are zero.</param>
    /// <param name="normalization">The normalization after each hidden dense layer.</param>
    /// <param name="random">The source of the initial weights.</param>
    /// <returns>The network.</returns>
    public static Network Create(IReadOnlyList<int> widths, Activation activation, IWeightInitializer initializer,
        Normalization normalization, RandomSource random)
    {
        if (!Enum.IsDefined(normalization))
            throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown normalization.");
        var perceptron = MultilayerPerceptron.Create(widths, activation, initializer, random);
        if (normalization == Normalization.None) return perceptron;
        var layers = new List<Layer>();
        var dense = perceptron.Layers;
        for (int l = 0; l < dense.Count; l++)
        {
            if (l == dense.Count - 1)
            {
                layers.Add(dense[l]);
                break;
            }
            var linear = new DenseLayer(dense[l].InputWidth, dense[l].OutputWidth, Activation.Identity);
            dense[l].Weights.CopyTo(linear.Weights);
            layers.Add(linear);
            layers.Add(Normalizer(normalization, linear.OutputWidth));
            layers.Add(new ActivationLayer(linear.OutputWidth, activation));
        }
        return new Network(layers);
    }

    /// <summary>A fresh normalization layer of the given kind (not <see cref="Normalization.None"/>).</summary>
    internal static Layer Normalizer(Normalization normalization, int width) => normalization switch
    {
        Normalization.BatchNorm => new BatchNormLayer(width),
        Normalization.LayerNorm => new LayerNormLayer(width),
        _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "No layer for this normalization."),
    };
}
