namespace WeightInit.Scaling;

/// <summary>
/// The kinds of weights of maximal update parametrization's table: how a tensor's dimensions grow with the width
/// (Yang et al. 2022, "Tensor Programs V", Table 3; Yang &amp; Hu 2021, "Tensor Programs IV").
/// </summary>
public enum MaximalUpdateRole
{
    /// <summary>
    /// One dimension grows with the width, the other does not, on the input side: input weights and embeddings
    /// (fan_in a fixed input size or vocabulary), all biases, normalization gains and shifts.
    /// </summary>
    Input,

    /// <summary>Both dimensions grow with the width: the weights between two hidden layers.</summary>
    Hidden,

    /// <summary>
    /// Only the fan_in grows: the output (readout) weights, which map the width to a fixed number of outputs.
    /// </summary>
    Output,
}

/// <summary>
/// Maximal update parametrization (muP) for Adam, relative to a base width: the factors by which a model of width n
/// differs from the same model at the base width n0, with the width multiplier m = n / n0 (Yang et al. 2022, "Tensor
/// Programs V: Tuning Large Neural Networks via Zero-Shot Hyperparameter Transfer", arXiv 2203.03466, Table 3's Adam
/// column, in the form of its Table 8 that the <c>mup</c> package's <c>MuReadout</c> and <c>MuAdam</c> and EleutherAI's
/// nanoGPT-mup implement). At m = 1 every factor is 1: muP agrees with the model it was tuned as.
/// </summary>
/// <remarks>
/// <para>The table (init std relative to the base width's; Adam learning rate relative to the base; forward
/// multiplier):</para>
/// <list type="table">
/// <listheader><term>role</term><description>init std, Adam learning rate, multiplier</description></listheader>
/// <item><term><see cref="MaximalUpdateRole.Input"/></term><description>1, 1, 1</description></item>
/// <item><term><see cref="MaximalUpdateRole.Hidden"/></term><description>1/sqrt(m) (variance 1/fan_in), 1/m,
/// 1</description></item>
/// <item><term><see cref="MaximalUpdateRole.Output"/></term><description>1, 1, 1/m on the logits</description></item>
/// </list>
/// <para>The output multiplier 1/m with a constant init std and learning rate is Table 3's output init variance
/// 1/fan_in^2 and Adam learning rate 1/fan_in written as a multiplier (Table 8; <c>MuReadout</c> divides its input by
/// the width multiplier). A transformer also divides its attention logits by d_head instead of sqrt(d_head)
/// (<see cref="AttentionScale"/>). Tensor Programs V recommends initializing the readout and the query weights at zero
/// (the <c>mup</c> README); those are choices of a model built on this table, not factors of it.</para>
/// <para>Two models are built on it: <see cref="MaximalUpdateNetwork"/> (a plain network, which folds the output
/// multiplier into the readout's std and learning rate, Table 3's own form) and
/// <see cref="Transformers.GptParametrization.MaximalUpdate"/> (the GPT, which keeps the multiplier).</para>
/// </remarks>
public static class MaximalUpdate
{
    /// <summary>The width multiplier m = width / baseWidth.</summary>
    /// <param name="width">The model's width; at least 1.</param>
    /// <param name="baseWidth">The width the hyperparameters were tuned at; at least 1.</param>
    /// <returns>m &gt; 0.</returns>
    public static double WidthMultiplier(int width, int baseWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseWidth);
        return (double)width / baseWidth;
    }

    /// <summary>
    /// The factor on the initial standard deviation: 1/sqrt(m) for <see cref="MaximalUpdateRole.Hidden"/>, else 1.
    /// </summary>
    /// <param name="role">The weight's role.</param>
    /// <param name="widthMultiplier">m; finite and positive.</param>
    /// <returns>The factor.</returns>
    public static double InitStdFactor(MaximalUpdateRole role, double widthMultiplier)
    {
        CheckMultiplier(widthMultiplier);
        return Checked(role) == MaximalUpdateRole.Hidden ? 1 / Math.Sqrt(widthMultiplier) : 1;
    }

    /// <summary>The factor on Adam's learning rate: 1/m for <see cref="MaximalUpdateRole.Hidden"/>, else 1.</summary>
    /// <param name="role">The weight's role.</param>
    /// <param name="widthMultiplier">m; finite and positive.</param>
    /// <returns>The factor.</returns>
    public static double AdamLearningRateFactor(MaximalUpdateRole role, double widthMultiplier)
    {
        CheckMultiplier(widthMultiplier);
        return Checked(role) == MaximalUpdateRole.Hidden ? 1 / widthMultiplier : 1;
    }

    /// <summary>The multiplier on the output layer's logits: 1/m.</summary>
    /// <param name="widthMultiplier">m; finite and positive.</param>
    /// <returns>1/m.</returns>
    public static double OutputMultiplier(double widthMultiplier)
    {
        CheckMultiplier(widthMultiplier);
        return 1 / widthMultiplier;
    }

    /// <summary>muP's attention logit scale, 1/d_head (standard parametrization: 1/sqrt(d_head)).</summary>
    /// <param name="headWidth">d_head, the features per head; at least 1.</param>
    /// <returns>1/d_head.</returns>
    public static double AttentionScale(int headWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(headWidth);
        return 1.0 / headWidth;
    }

    private static MaximalUpdateRole Checked(MaximalUpdateRole role)
    {
        Guard.Defined(role);
        return role;
    }

    private static void CheckMultiplier(double widthMultiplier)
    {
        if (!(widthMultiplier > 0) || !double.IsFinite(widthMultiplier))
            throw new ArgumentOutOfRangeException(nameof(widthMultiplier), widthMultiplier,
                $"widthMultiplier (width / base width) must be finite and positive, but it is {widthMultiplier}.");
    }
}
