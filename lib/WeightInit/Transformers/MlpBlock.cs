using WeightInit.Activations;
using WeightInit.Kernels;
using WeightInit.Training;

namespace WeightInit.Transformers;

/// <summary>
/// A transformer's feed-forward block (GPT-2; nanoGPT's <c>MLP</c>): Y = GELU(X W_1^T + b_1) W_2^T + b_2, with W_1 of
/// shape (hidden, d) and W_2 of shape (d, hidden), the exact GELU (Hendrycks &amp; Gimpel 2016; PyTorch's
/// <c>nn.GELU()</c>, which nanoGPT uses).
/// </summary>
/// <remarks>
/// Two linear <see cref="DenseLayer"/>s with the GELU between them, which the block applies itself, shared out over the
/// cores by rows (each row the same operations whatever the thread count): backward, dZ = dA * GELU'(Z), then the
/// layers' own passes.
/// </remarks>
public sealed class MlpBlock : Layer
{
    /// <summary>Below this many values the GELU stays on the calling thread (about 20 ns each).</summary>
    private const long SerialValues = 16_384;

    private readonly DenseLayer _input, _output;
    private readonly Parameter[] _parameters;
    private double[] _preActivation = [], _hidden = [], _derivative = [], _hiddenGradient = [];

    /// <summary>Creates the block with all-zero weights and biases.</summary>
    /// <param name="width">d, the input and output width; at least 1.</param>
    /// <param name="hiddenWidth">The hidden width (4d in GPT-2); at least 1.</param>
    public MlpBlock(int width, int hiddenWidth) : base(width, width)
    {
        _input = new DenseLayer(width, hiddenWidth, Activation.Identity);
        _output = new DenseLayer(hiddenWidth, width, Activation.Identity);
        _parameters = [.. _input.Parameters, .. _output.Parameters];
    }

    /// <summary>The hidden width.</summary>
    public int HiddenWidth => _input.OutputWidth;

    /// <summary>The activation between the layers: <see cref="Activation.Gelu"/>.</summary>
    public static Activation Activation => Activations.Activation.Gelu;

    /// <summary>The first layer (hidden, d), linear: its output Z goes through the GELU.</summary>
    public DenseLayer InputLayer => _input;

    /// <summary>The output projection (d, hidden).</summary>
    public DenseLayer OutputProjection => _output;

    /// <summary>The first layer's weights and biases, then the output projection's.</summary>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The most threads the GELU uses: positive, or -1 for one per core (the default).</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    internal override IReadOnlyList<Layer> Sublayers => [_input, _output];

    /// <inheritdoc/>
    public override MlpBlock Clone()
    {
        var copy = new MlpBlock(InputWidth, HiddenWidth) { MaxDegreeOfParallelism = MaxDegreeOfParallelism };
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
        int size = count * HiddenWidth;
        _input.ForwardCore(input, count, Buffer(ref _preActivation, size), context);
        Buffer(ref _hidden, size);
        if (context.IsTraining) Buffer(ref _derivative, size);
        bool training = context.IsTraining;
        ForRows(count, (r0, r1) =>
        {
            int start = r0 * HiddenWidth, length = (r1 - r0) * HiddenWidth;
            var z = _preActivation.AsSpan(start, length);
            if (training) Activation.ApplyWithDerivative<double>(z, _hidden.AsSpan(start, length),
                _derivative.AsSpan(start, length));
            else Activation.Apply<double>(z, _hidden.AsSpan(start, length));
        });
        _output.ForwardCore(_hidden.AsSpan(0, size), count, output, context);
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        int size = count * HiddenWidth;
        var hiddenGradient = Buffer(ref _hiddenGradient, size);
        _output.BackwardCore(_hidden.AsSpan(0, size), outputGradient, count, hiddenGradient, parameterGradients[2..4],
            context);
        ForRows(count, (r0, r1) =>
        {
            var g = _hiddenGradient.AsSpan(r0 * HiddenWidth, (r1 - r0) * HiddenWidth);
            SimdMap.Run(new MultiplyOperator(), g, _derivative.AsSpan(r0 * HiddenWidth, g.Length), default, g);
        });
        _input.BackwardCore(input, hiddenGradient, count, inputGradient, parameterGradients[..2], context);
    }

    /// <summary>Runs <paramref name="body"/> over contiguous row ranges, on one thread or several.</summary>
    private void ForRows(int count, Action<int, int> body)
    {
        int workers = ParallelWork.Workers((long)count * HiddenWidth, SerialValues, count, MaxDegreeOfParallelism);
        ParallelWork.ForRanges(count, workers, body);
    }
}
