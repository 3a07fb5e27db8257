using WeightInit.Activations;
using WeightInit.Kernels;

namespace WeightInit.Training;

/// <summary>
/// An elementwise activation as a layer of its own, A = f(X), for the arrangements where something
/// sits between a dense layer and its nonlinearity (dense, then batch normalization, then f).
/// Backward: dLoss/dX = dLoss/dA * f'(X). No parameters.
/// </summary>
public sealed class ActivationLayer : Layer
{
    private double[] _derivative = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="width">Values per sample; at least 1.</param>
    /// <param name="activation">The activation f.</param>
    public ActivationLayer(int width, Activation activation) : base(Widths.Check(width), width)
    {
        ArgumentNullException.ThrowIfNull(activation);
        Activation = activation;
    }

    /// <summary>The activation f.</summary>
    public Activation Activation { get; }

    /// <summary>Values per sample (input and output).</summary>
    public int Width => InputWidth;

    /// <summary>None.</summary>
    public override IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc/>
    public override ActivationLayer Clone() => new(Width, Activation);

    /// <inheritdoc/>
    public override string ToString() => $"{Activation.Name}({Width})";

    internal override void ForwardCore(ReadOnlySpan<double> input, int count, Span<double> output, PassContext context)
    {
        if (!context.IsTraining)
        {
            Activation.Apply(input, output);
            return;
        }
        var derivative = Buffer(ref _derivative, count * Width);
        Activation.ApplyWithDerivative(input, output, derivative);
        context.Recorder?.OnActivation(this, Activation, input, output, derivative, count, Width);
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        context.Recorder?.OnActivationGradient(this, outputGradient);
        if (inputGradient.IsEmpty) return;
        outputGradient.CopyTo(inputGradient);
        SimdMap.Run(new MultiplyOperator(), inputGradient, _derivative.AsSpan(0, count * Width), default,
            inputGradient);
    }
}
