using WeightInit.Activations;
using WeightInit.Initializers;
using WeightInit.Random;

namespace WeightInit.Training;

/// <summary>
/// A fully connected layer: for a batch X (B x in), Z = X W^T + b and A = f(Z), with W of shape
/// (out, in) (PyTorch's convention: row j holds the incoming weights of unit j) and b of length out.
/// </summary>
public sealed class DenseLayer
{
    private readonly double[] _weights;
    private readonly double[] _biases;

    /// <summary>Creates a layer whose weights and biases are all zero.</summary>
    /// <param name="inputWidth">Inputs per sample (fan_in); at least 1.</param>
    /// <param name="outputWidth">Units (fan_out); at least 1.</param>
    /// <param name="activation">The elementwise activation f.</param>
    public DenseLayer(int inputWidth, int outputWidth, Activation activation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputWidth);
        ArgumentNullException.ThrowIfNull(activation);
        InputWidth = inputWidth;
        OutputWidth = outputWidth;
        Activation = activation;
        _weights = new double[checked(inputWidth * outputWidth)];
        _biases = new double[outputWidth];
    }

    /// <summary>Inputs per sample (fan_in).</summary>
    public int InputWidth { get; }

    /// <summary>Units of the layer (fan_out).</summary>
    public int OutputWidth { get; }

    /// <summary>The activation f applied to Z.</summary>
    public Activation Activation { get; }

    /// <summary>The weights, (OutputWidth, InputWidth) row-major; writable, e.g. to set them by hand.</summary>
    public Span<double> Weights => _weights;

    /// <summary>The biases, one per unit; writable.</summary>
    public Span<double> Biases => _biases;

    /// <summary>The incoming weights of one unit: row <paramref name="unit"/> of W.</summary>
    /// <param name="unit">The unit, in [0, OutputWidth).</param>
    /// <returns>InputWidth weights.</returns>
    public ReadOnlySpan<double> IncomingWeights(int unit)
    {
        Guard.Index(unit, OutputWidth);
        return _weights.AsSpan(unit * InputWidth, InputWidth);
    }

    /// <summary>The number of distinct incoming-weight rows (compared bit for bit): 1 for a fully symmetric layer.</summary>
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

    /// <summary>An independent copy of this layer (weights, biases, activation).</summary>
    /// <returns>The copy.</returns>
    public DenseLayer Clone()
    {
        var copy = new DenseLayer(InputWidth, OutputWidth, Activation);
        _weights.CopyTo(copy._weights, 0);
        _biases.CopyTo(copy._biases, 0);
        return copy;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Dense({InputWidth} -> {OutputWidth}, {Activation.Name})";
}
