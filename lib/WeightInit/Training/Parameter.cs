namespace WeightInit.Training;

/// <summary>
/// One learnable array of a layer (a weight matrix, biases, a normalization's scale or shift, a
/// residual scalar): its values, which the layer reads and the trainer updates in place, with a
/// name, a shape and a <see cref="ParameterRole"/>.
/// </summary>
public sealed class Parameter
{
    private readonly double[] _values;
    private readonly int[] _shape;
    private double _learningRateMultiplier = 1;

    internal Parameter(string name, ParameterRole role, double[] values, params int[] shape)
    {
        Name = name;
        Role = role;
        _values = values;
        _shape = shape;
    }

    /// <summary>The parameter's name within its layer: "weights", "biases", "scale", "shift" or "alpha".</summary>
    public string Name { get; }

    /// <summary>What the parameter does.</summary>
    public ParameterRole Role { get; }

    /// <summary>The values, row-major in <see cref="Shape"/>; writable.</summary>
    public Span<double> Values => _values;

    /// <summary>The number of values.</summary>
    public int Length => _values.Length;

    /// <summary>The shape: (out, in) for a weight matrix, (out, in, k) for a convolution's kernel, (width) for a
    /// vector, (1) for a scalar.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>Whether L2 weight decay applies: only to weight matrices
    /// (<see cref="ParameterRole.Weights"/>).</summary>
    public bool IsDecayed => Role == ParameterRole.Weights;

    /// <summary>
    /// The factor the optimizer applies to its learning rate for this parameter, 1 by default: the step of
    /// this parameter is that of learning rate eta * multiplier (as a PyTorch parameter group's own lr).
    /// Maximal update parametrization sets it per layer (Yang et al. 2022, "Tensor Programs V", Table 3:
    /// Adam's learning rate of hidden weights scales as 1 / width multiplier). Finite and positive.
    /// </summary>
    public double LearningRateMultiplier
    {
        get => _learningRateMultiplier;
        set { Guard.FinitePositive(value, nameof(LearningRateMultiplier)); _learningRateMultiplier = value; }
    }

    internal double[] Array => _values;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({string.Join(" x ", _shape)})";
}
