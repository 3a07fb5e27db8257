namespace WeightInit.Training;

/// <summary>
/// The gradient of a loss with respect to every weight and bias of a <see cref="MultilayerPerceptron"/>,
/// one pair of arrays per layer, with the shapes of the layer's parameters.
/// </summary>
public sealed class NetworkGradients
{
    private readonly double[][] _weights;
    private readonly double[][] _biases;
    private readonly int[] _fanIn;

    internal NetworkGradients(IReadOnlyList<DenseLayer> layers)
    {
        _weights = new double[layers.Count][];
        _biases = new double[layers.Count][];
        _fanIn = new int[layers.Count];
        for (int l = 0; l < layers.Count; l++)
        {
            _weights[l] = new double[layers[l].Weights.Length];
            _biases[l] = new double[layers[l].OutputWidth];
            _fanIn[l] = layers[l].InputWidth;
        }
    }

    /// <summary>The number of layers.</summary>
    public int LayerCount => _weights.Length;

    /// <summary>dL/dW of layer <paramref name="layer"/>, (out, in) row-major.</summary>
    /// <param name="layer">The layer's index.</param>
    /// <returns>The gradient.</returns>
    public ReadOnlySpan<double> WeightGradient(int layer) => _weights[CheckLayer(layer)];

    /// <summary>dL/db of layer <paramref name="layer"/>.</summary>
    /// <param name="layer">The layer's index.</param>
    /// <returns>The gradient.</returns>
    public ReadOnlySpan<double> BiasGradient(int layer) => _biases[CheckLayer(layer)];

    /// <summary>Per-layer statistics of this gradient (norm, mean and std of dL/dW; norm of dL/db).</summary>
    /// <returns>One entry per layer, input side first.</returns>
    public IReadOnlyList<LayerGradientStatistics> Statistics()
    {
        var result = new LayerGradientStatistics[LayerCount];
        for (int l = 0; l < LayerCount; l++)
        {
            var (norm, mean, std) = SpanMath.NormMeanStd(_weights[l]);
            var (biasNorm, _, _) = SpanMath.NormMeanStd(_biases[l]);
            result[l] = new LayerGradientStatistics(l, _fanIn[l], _biases[l].Length, norm, mean, std, biasNorm);
        }
        return result;
    }

    internal Span<double> Weights(int layer) => _weights[layer];

    internal Span<double> Biases(int layer) => _biases[layer];

    private int CheckLayer(int layer)
    {
        Guard.Index(layer, LayerCount);
        return layer;
    }
}
