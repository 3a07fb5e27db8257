using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Kernels;
using WeightInit.LinearAlgebra;
using WeightInit.Random;

namespace WeightInit.Training;

/// <summary>
/// A fully connected layer: for a batch X (B x in), Z = X W^T + b and A = f(Z), with W of shape
/// (out, in) (PyTorch's convention: row j holds the incoming weights of unit j) and b of length out.
/// </summary>
/// <remarks>
/// Backward, from G = dLoss/dA: dZ = G * f'(Z) (elementwise; skipped for the identity), dW = dZ^T X,
/// db = the column sums of dZ, and dLoss/dX = dZ W. The training forward pass computes f and f'
/// together (<see cref="Activation.ApplyWithDerivative{T}(ReadOnlySpan{T}, Span{T}, Span{T})"/>)
/// and keeps f'(Z) for the backward pass.
/// </remarks>
public sealed class DenseLayer : Layer
{
    private readonly double[] _weights;
    private readonly double[] _biases;
    private readonly Parameter[] _parameters;
    private readonly bool _identity;
    private double[] _z = [], _derivative = [];

    /// <summary>Creates a layer whose weights and biases are all zero.</summary>
    /// <param name="inputWidth">Inputs per sample (fan_in); at least 1.</param>
    /// <param name="outputWidth">Units (fan_out); at least 1.</param>
    /// <param name="activation">The elementwise activation f.</param>
    public DenseLayer(int inputWidth, int outputWidth, Activation activation) : base(inputWidth, outputWidth)
    {
        ArgumentNullException.ThrowIfNull(activation);
        Activation = activation;
        _identity = activation is IdentityActivation;
        _weights = new double[checked(inputWidth * outputWidth)];
        _biases = new double[outputWidth];
        _parameters =
        [
            new Parameter("weights", ParameterRole.Weights, _weights, outputWidth, inputWidth),
            new Parameter("biases", ParameterRole.Bias, _biases, outputWidth),
        ];
    }

    /// <summary>The activation f applied to Z.</summary>
    public Activation Activation { get; }

    /// <summary>The weights, (OutputWidth, InputWidth) row-major; writable, e.g. to set them by hand.</summary>
    public Span<double> Weights => _weights;

    /// <summary>The biases, one per unit; writable.</summary>
    public Span<double> Biases => _biases;

    /// <summary>The weights and the biases, in that order.</summary>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The incoming weights of one unit: row <paramref name="unit"/> of W.</summary>
    /// <param name="unit">The unit, in [0, OutputWidth).</param>
    /// <returns>InputWidth weights.</returns>
    public ReadOnlySpan<double> IncomingWeights(int unit)
    {
        Guard.Index(unit, OutputWidth);
        return _weights.AsSpan(unit * InputWidth, InputWidth);
    }

    /// <summary>The number of distinct incoming-weight rows (compared bit for bit): 1 for a fully symmetric
    /// layer.</summary>
    /// <returns>A number between 1 and OutputWidth.</returns>
    public int DistinctUnitCount()
    {
        var seen = new HashSet<string>();
        for (int unit = 0; unit < OutputWidth; unit++)
        {
            var row = IncomingWeights(unit);
            var bits = new long[row.Length];
            for (int i = 0; i < row.Length; i++) bits[i] = BitConverter.DoubleToInt64Bits(row[i]);
            seen.Add(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(bits.AsSpan())));
        }
        return seen.Count;
    }

    /// <summary>
    /// Fills the weights with <paramref name="initializer"/> (shape (OutputWidth, InputWidth)) and
    /// sets every bias to <paramref name="bias"/> (zero by default).
    /// </summary>
    /// <param name="initializer">The weight initializer.</param>
    /// <param name="random">The source of every random draw.</param>
    /// <param name="bias">The value of every bias; finite.</param>
    public void Initialize(IWeightInitializer initializer, RandomSource random, double bias = 0)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(random);
        Guard.Finite(bias);
        ReadOnlySpan<int> shape = [OutputWidth, InputWidth];
        initializer.Fill(_weights, shape, random);
        _biases.AsSpan().Fill(bias);
    }

    /// <summary>
    /// Multiplies every weight by <paramref name="factor"/> (the biases are left alone): e.g. an output
    /// layer scaled down so that the first predictions are near uniform, or Fixup's L^(-1/(2m-2)).
    /// </summary>
    /// <param name="factor">A finite factor; 0 zeroes the weights.</param>
    public void ScaleWeights(double factor)
    {
        Guard.Finite(factor);
        foreach (ref double w in _weights.AsSpan()) w *= factor;
    }

    /// <summary>The pre-activations Z = X W^T + b of <paramref name="count"/> samples (before f).</summary>
    /// <param name="inputs">count x InputWidth values, row-major.</param>
    /// <param name="count">Samples; at least 1.</param>
    /// <param name="preActivations">count x OutputWidth values to overwrite.</param>
    public void PreActivations(ReadOnlySpan<double> inputs, int count, Span<double> preActivations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Guard.Length(inputs.Length, count * InputWidth, nameof(inputs), $"{count} samples x {InputWidth} inputs");
        Guard.Length(preActivations.Length, count * OutputWidth, nameof(preActivations),
            $"{count} samples x {OutputWidth} outputs");
        Linear(inputs, count, preActivations);
    }

    /// <summary>An independent copy of this layer (weights, biases, activation).</summary>
    /// <returns>The copy.</returns>
    public override DenseLayer Clone()
    {
        var copy = new DenseLayer(InputWidth, OutputWidth, Activation);
        _weights.CopyTo(copy._weights, 0);
        _biases.CopyTo(copy._biases, 0);
        return copy;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Dense({InputWidth} -> {OutputWidth}, {Activation.Name})";

    internal override void ForwardCore(ReadOnlySpan<double> input, int count, Span<double> output, PassContext context)
    {
        if (_identity)
        {
            Linear(input, count, output);
            return;
        }
        int size = count * OutputWidth;
        var z = Buffer(ref _z, size);
        Linear(input, count, z);
        if (!context.IsTraining)
        {
            Activation.Apply(z, output);
            return;
        }
        var derivative = Buffer(ref _derivative, size);
        Activation.ApplyWithDerivative(z, output, derivative);
        context.Recorder?.OnActivation(this, Activation, z, output, derivative, count, OutputWidth);
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        int n = OutputWidth, k = InputWidth;
        var dz = outputGradient;
        if (!_identity)
        {
            context.Recorder?.OnActivationGradient(this, outputGradient);
            SimdMap.Run(new MultiplyOperator(), dz, _derivative.AsSpan(0, count * n), default, dz);
        }
        MatrixMultiply.TransposeMultiply(dz, input, parameterGradients[0], n, count, k);
        SimdReduce.SumRows(dz, count, parameterGradients[1]);
        if (!inputGradient.IsEmpty)
            MatrixMultiply.Multiply(dz, _weights, inputGradient, count, n, k);
    }

    private void Linear(ReadOnlySpan<double> input, int count, Span<double> z)
    {
        int n = OutputWidth;
        MatrixMultiply.MultiplyTransposed(input, _weights, z, count, InputWidth, n);
        for (int r = 0; r < count; r++)
        {
            var row = z.Slice(r * n, n);
            SimdMap.Run(new AddOperator(), row, _biases, default, row);
        }
    }
}
