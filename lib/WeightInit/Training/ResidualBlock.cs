using WeightInit.Activations;
using WeightInit.Kernels;

namespace WeightInit.Training;

/// <summary>
/// A residual block (He, Zhang, Ren &amp; Sun 2016, "Deep Residual Learning for Image Recognition"):
/// y = x + alpha F(x), where the branch F is a chain of layers of its own and alpha a scalar, or
/// y = P x + alpha F(x) with a linear projection P where the branch changes the width.
/// </summary>
/// <remarks>
/// <para>alpha is fixed at 1 in the standard block. Fixup (Zhang, Dauphin &amp; Ma 2019) makes it a
/// learnable multiplier starting at 1; SkipInit (De &amp; Smith 2020) and ReZero (Bachlechner et al.
/// 2020) make it learnable and start it at 0, so that the block is the identity at step 0 (see
/// <see cref="ResidualScheme"/>).</para>
/// <para>Backward, from G = dLoss/dy: the branch gets alpha G, dLoss/dx = G (or P^T G) plus the
/// branch's input gradient, and dalpha = sum of G F(x) over the batch.</para>
/// </remarks>
public sealed class ResidualBlock : Layer
{
    private readonly LayerSequence _branch;
    private readonly double[] _alpha = new double[1];
    private readonly Parameter _alphaParameter;
    private readonly Parameter[] _parameters;
    private readonly Layer[] _sublayers;
    private double[] _shortcut = [], _shortcutGradient = [], _scratch = [];

    /// <summary>Creates a block around <paramref name="branch"/>.</summary>
    /// <param name="branch">The layers of F, input side first: at least one; each layer's input width must equal the
    /// previous one's output width, and F must keep the width unless a projection is given.</param>
    /// <param name="alpha">The branch's scale alpha; finite.</param>
    /// <param name="learnableAlpha">Whether alpha is a learnable parameter (Fixup, SkipInit, ReZero) or fixed.</param>
    /// <param name="projection">A linear (identity-activation) dense layer from F's input width to its output width,
    /// for a branch that changes the width; null for the identity shortcut.</param>
    public ResidualBlock(IEnumerable<Layer> branch, double alpha = 1, bool learnableAlpha = false,
        DenseLayer? projection = null)
        : this(BranchArray(branch), alpha, learnableAlpha, projection)
    {
    }

    private ResidualBlock(Layer[] branch, double alpha, bool learnableAlpha, DenseLayer? projection)
        : base(branch[0].InputWidth, branch[^1].OutputWidth)
    {
        Guard.Finite(alpha);
        if (projection is null && InputWidth != OutputWidth)
            throw new ArgumentException(
                $"The branch maps {InputWidth} inputs to {OutputWidth} outputs: a residual block whose branch " +
                    $"changes the width needs a projection.", nameof(branch));
        if (projection is not null)
        {
            if (projection.InputWidth != InputWidth || projection.OutputWidth != OutputWidth)
                throw new ArgumentException(
                    $"The projection maps {projection.InputWidth} -> {projection.OutputWidth}, but the branch maps " +
                        $"{InputWidth} -> {OutputWidth}.", nameof(projection));
            if (projection.Activation is not IdentityActivation)
                throw new ArgumentException($"The projection must be linear (identity activation), but its " +
                    $"activation is {projection.Activation.Name}.", nameof(projection));
            if (Array.IndexOf(branch, projection) >= 0)
                throw new ArgumentException("The projection must not also be a layer of the branch.",
                    nameof(projection));
        }
        _branch = new LayerSequence(branch);
        _alpha[0] = alpha;
        IsAlphaLearnable = learnableAlpha;
        Projection = projection;
        _alphaParameter = new Parameter("alpha", ParameterRole.ResidualScale, _alpha, 1);
        _parameters = [.. (learnableAlpha ? [_alphaParameter] : Array.Empty<Parameter>()),
            .. _branch.Parameters, .. projection?.Parameters ?? []];
        _sublayers = projection is null ? branch : [.. branch, projection];
    }

    /// <summary>The branch F, input side first.</summary>
    public IReadOnlyList<Layer> Branch => _branch.Layers;

    /// <summary>The projection P of the shortcut, or null for the identity.</summary>
    public DenseLayer? Projection { get; }

    /// <summary>The branch's scale alpha; writable (a learnable alpha is also updated by the trainer).</summary>
    public double Alpha
    {
        get => _alpha[0];
        set { Guard.Finite(value); _alpha[0] = value; }
    }

    /// <summary>Whether alpha is learnable.</summary>
    public bool IsAlphaLearnable { get; }

    /// <summary>alpha (if learnable), then the branch's parameters, then the projection's.</summary>
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    internal override IReadOnlyList<Layer> Sublayers => _sublayers;

    /// <inheritdoc/>
    public override ResidualBlock Clone() =>
        new(Branch.Select(l => l.Clone()).ToArray(), Alpha, IsAlphaLearnable, Projection?.Clone());

    /// <inheritdoc/>
    public override string ToString() =>
        $"Residual({InputWidth} -> {OutputWidth}, alpha {(IsAlphaLearnable ? "learnable " : "")}{Alpha}: " +
            $"{string.Join(", ", Branch)})";

    internal override void ForwardCore(ReadOnlySpan<double> input, int count, Span<double> output, PassContext context)
    {
        var branchOutput = _branch.Forward(input, count, context);
        ReadOnlySpan<double> shortcut = input;
        if (Projection is not null)
        {
            var projected = Buffer(ref _shortcut, count * OutputWidth);
            Projection.ForwardCore(input, count, projected, context);
            shortcut = projected;
        }
        SimdMap.Run(new AddScaledOperator(_alpha[0]), shortcut, branchOutput, default, output);
    }

    internal override void BackwardCore(ReadOnlySpan<double> input, Span<double> outputGradient, int count,
        Span<double> inputGradient, ReadOnlySpan<double[]> parameterGradients, PassContext context)
    {
        int offset = 0;
        if (IsAlphaLearnable)
        {
            var branchOutput = _branch.Output(_branch.Layers.Count - 1, count);
            parameterGradients[0][0] = SimdReduce.Sum(new MultiplyOperator(), outputGradient, branchOutput, default);
            offset = 1;
        }
        int branchParameters = _branch.Parameters.Length;
        var branchGradient = _branch.OutputGradient(count);
        SimdMap.Run(new ScaleOperator(_alpha[0]), outputGradient, default, default, branchGradient);
        _branch.Backward(input, count, inputGradient, parameterGradients.Slice(offset, branchParameters), context);
        if (Projection is null)
        {
            if (!inputGradient.IsEmpty)
                SimdMap.Run(new AddOperator(), inputGradient, outputGradient, default, inputGradient);
            return;
        }
        // The projection's backward may overwrite its output gradient, so it gets a copy of G.
        var shortcutGradient = Buffer(ref _shortcutGradient, count * OutputWidth);
        outputGradient.CopyTo(shortcutGradient);
        var projectedInputGradient =
            inputGradient.IsEmpty ? Span<double>.Empty : Buffer(ref _scratch, count * InputWidth);
        Projection.BackwardCore(input, shortcutGradient, count, projectedInputGradient,
            parameterGradients.Slice(offset + branchParameters, 2), context);
        if (!inputGradient.IsEmpty)
            SimdMap.Run(new AddOperator(), inputGradient, projectedInputGradient, default, inputGradient);
    }

    internal override void CommitBatchStatistics() => _branch.CommitBatchStatistics();

    private static Layer[] BranchArray(IEnumerable<Layer> branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        Layer[] layers = [.. branch];
        if (layers.Length == 0)
            throw new ArgumentException("A residual branch needs at least one layer.", nameof(branch));
        NetworkValidation.CheckChain(layers, nameof(branch));
        return layers;
    }
}
