namespace WeightInit.Training;

/// <summary>
/// A layer that normalizes its input and then applies a learnable per-feature affine map,
/// y = gamma x^ + beta: <see cref="BatchNormLayer"/> (x^ normalized over the batch) and
/// <see cref="LayerNormLayer"/> (over each sample's features). gamma starts at 1 and beta at 0.
/// </summary>
public abstract class NormalizationLayer : Layer
{
    /// <summary>The default epsilon, 1e-5 (PyTorch's, for batch and layer normalization alike).</summary>
    public const double DefaultEpsilon = 1e-5;

    /// <summary>A fresh normalization layer of the given kind (not <see cref="Normalization.None"/>).</summary>
    internal static NormalizationLayer Create(Normalization normalization, int width) => normalization switch
    {
        Normalization.BatchNorm => new BatchNormLayer(width),
        Normalization.LayerNorm => new LayerNormLayer(width),
        _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization,
            "No layer for this normalization."),
    };

    private protected readonly double[] _scale, _shift;
    private readonly Parameter[] _parameters;

    private protected NormalizationLayer(int width, double epsilon) : base(width, width)
    {
        Guard.FinitePositive(epsilon);
        Epsilon = epsilon;
        _scale = new double[width];
        _scale.AsSpan().Fill(1);
        _shift = new double[width];
        _parameters =
            [new Parameter("scale", ParameterRole.Scale, _scale, width),
            new Parameter("shift", ParameterRole.Shift, _shift, width)];
    }

    /// <summary>Features per sample (input and output).</summary>
    public int Width => InputWidth;

    /// <summary>The epsilon added to the variance before the square root.</summary>
    public double Epsilon { get; }

    /// <summary>The learnable scale gamma, one per feature (1 at creation); writable.</summary>
    public Span<double> Scale => _scale;

    /// <summary>The learnable shift beta, one per feature (0 at creation); writable.</summary>
    public Span<double> Shift => _shift;

    /// <summary>The scale gamma and the shift beta, in that order.</summary>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Copies gamma and beta into <paramref name="copy"/> (a layer of the same width).</summary>
    private protected T WithAffineOf<T>(T copy) where T : NormalizationLayer
    {
        _scale.CopyTo(copy._scale, 0);
        _shift.CopyTo(copy._shift, 0);
        return copy;
    }
}
