namespace WeightInit.Training;

/// <summary>
/// A chain of layers run one after another, with the buffers between them: the top level of a
/// <see cref="Network"/> and the branch of a <see cref="ResidualBlock"/>. The parameters of the
/// chain are its layers' parameters, layer by layer, and the backward pass hands each layer the
/// slice of the gradient arrays that matches its own.
/// </summary>
internal sealed class LayerSequence
{
    private readonly Layer[] _layers;
    private readonly int[] _parameterStart;
    private readonly int _maxWidth;
    private readonly double[][] _outputs;
    private double[] _gradient = [], _gradientOther = [];

    public LayerSequence(Layer[] layers)
    {
        _layers = layers;
        _parameterStart = new int[layers.Length + 1];
        for (int l = 0; l < layers.Length; l++) _parameterStart[l + 1] =
            _parameterStart[l] + layers[l].Parameters.Count;
        _maxWidth = layers.Max(l => l.OutputWidth);
        _outputs = [.. layers.Select(_ => Array.Empty<double>())];
        Parameters = [.. layers.SelectMany(l => l.Parameters)];
    }

    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>Every layer's parameters, input side first.</summary>
    public Parameter[] Parameters { get; }

    public int InputWidth => _layers[0].InputWidth;

    public int OutputWidth => _layers[^1].OutputWidth;

    /// <summary>Runs the chain; returns the last layer's output (valid until the next forward pass).</summary>
    public ReadOnlySpan<double> Forward(ReadOnlySpan<double> input, int count, PassContext context)
    {
        ReadOnlySpan<double> previous = input;
        for (int l = 0; l < _layers.Length; l++)
        {
            int size = count * _layers[l].OutputWidth;
            if (_outputs[l].Length < size) _outputs[l] = new double[size];
            var output = _outputs[l].AsSpan(0, size);
            _layers[l].ForwardCore(previous, count, output, context);
            previous = output;
        }
        return previous;
    }

    /// <summary>The output of layer <paramref name="layer"/> of the last forward pass.</summary>
    public ReadOnlySpan<double> Output(int layer, int count) =>
        _outputs[layer].AsSpan(0, count * _layers[layer].OutputWidth);

    /// <summary>The buffer the caller fills with d(loss)/d(output) before <see cref="Backward"/>.</summary>
    public Span<double> OutputGradient(int count)
    {
        int size = count * _maxWidth;
        if (_gradient.Length < size)
        {
            _gradient = new double[size];
            _gradientOther = new double[size];
        }
        return _gradient.AsSpan(0, count * OutputWidth);
    }

    /// <summary>
    /// Backpropagates the gradient in <see cref="OutputGradient"/> through the chain of the last
    /// training forward pass (whose input was <paramref name="input"/>), writing every parameter's
    /// gradient into <paramref name="gradients"/> (aligned with <see cref="Parameters"/>) and, unless
    /// <paramref name="inputGradient"/> is empty, d(loss)/d(input).
    /// </summary>
    public void Backward(ReadOnlySpan<double> input, int count, Span<double> inputGradient,
        ReadOnlySpan<double[]> gradients, PassContext context)
    {
        var g = _gradient.AsSpan(0, count * OutputWidth);
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            ReadOnlySpan<double> layerInput = l == 0 ? input : Output(l - 1, count);
            var layerInputGradient = l == 0 ? inputGradient : _gradientOther.AsSpan(0, count * layer.InputWidth);
            layer.BackwardCore(layerInput, g, count, layerInputGradient,
                gradients[_parameterStart[l].._parameterStart[l + 1]], context);
            if (l > 0)
            {
                (_gradient, _gradientOther) = (_gradientOther, _gradient);
                g = _gradient.AsSpan(0, count * layer.InputWidth);
            }
        }
    }

    public void CommitBatchStatistics()
    {
        foreach (var layer in _layers) layer.CommitBatchStatistics();
    }
}
