using WeightInit.Activations;
using WeightInit.Training;

namespace WeightInit.Transformers;

/// <summary>
/// A transformer's feed-forward block (GPT-2; nanoGPT's <c>MLP</c>): Y = GELU(X W_1^T + b_1) W_2^T + b_2, with W_1 of
/// shape (hidden, d) and W_2 of shape (d, hidden), the exact GELU (Hendrycks &amp; Gimpel 2016; PyTorch's
/// <c>nn.GELU()</c>, which nanoGPT uses), made of two <see cref="DenseLayer"/>s whose backward passes it chains.
/// </summary>
public sealed class MlpBlock : Layer
{
    private readonly DenseLayer _input, _output;
    private readonly Parameter[] _parameters;
    private double[] _hidden = [], _hiddenGradient = [];

    /// <summary>Creates the block with all-zero weights and biases.</summary>
    /// <param name="width">d, the input and output width; at least 1.</param>
    /// <param name="hiddenWidth">The hidden width (4d in GPT-2); at least 1.</param>
    public MlpBlock(int width, int hiddenWidth) : base(width, width)
    {
        _input = new DenseLayer(width, hiddenWidth, Activation.Gelu);
        _output = new DenseLayer(hiddenWidth, width, Activation.Identity);
        _parameters = [.. _input.Parameters, .. _output.Parameters];
    }

    /// <summary>The hidden width.</summary>
    public int HiddenWidth => _input.OutputWidth;

    /// <summary>The first layer (hidden, d) with GELU.</summary>
    public DenseLayer InputLayer => _input;

    /// <summary>The output projection (d, hidden).</summary>
    public DenseLayer OutputProjection => _output;

    /// <summary>The first layer's weights and biases, then the output projection's.</summary>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    internal override IReadOnlyList<Layer> Sublayers => [_input, _output];

    /// <inheritdoc/>
    public override MlpBlock Clone()
    {
        var copy = new MlpBlock(InputWidth, HiddenWidth);
        for (int i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Values.CopyTo(copy._parameters[i].Values);
            copy._parameters[i].LearningRateMultiplier = _parameters[i].LearningRateMultiplier;
        }
        return copy;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Mlp({InputWidth} -> {HiddenWidth} GELU -> {InputWidth})";

    internal override void ForwardCore(ReadOnlySpan<double> input, int count, Span<double> output, PassContext context)
    {
        var hidden = Buffer(ref _hidden, count * HiddenWidth);
        _input.ForwardCore(input, count, hidden, context);
        _output.ForwardCore(hidden, count, output, context);
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        var hiddenGradient = Buffer(ref _hiddenGradient, count * HiddenWidth);
        _output.BackwardCore(_hidden.AsSpan(0, count * HiddenWidth), outputGradient, count, hiddenGradient, parameterGradients[2..4], context);
        _input.BackwardCore(input, hiddenGradient, count, inputGradient, parameterGradients[..2], context);
    }
}
