namespace WeightInit.Theory;

/// <summary>What <see cref="Lsuv"/> did, layer by layer (element l - 1 is layer l, input side first).</summary>
public sealed class LsuvResult
{
    internal LsuvResult(LsuvOptions options, DeepNetwork network, double[] scales, int[] iterations, double[] before,
        double[] after)
    {
        (Options, Network, Scales, Iterations, VariancesBefore, VariancesAfter) =
            (options, network, scales, iterations, before, after);
    }

    /// <summary>The settings used.</summary>
    public LsuvOptions Options { get; }

    /// <summary>
    /// The normalized network: the input network with each layer's weight scale multiplied by <see cref="Scales"/>
    /// (<see cref="DeepNetwork.WeightScales"/>). Run it with the same seed to run the weights LSUV normalized.
    /// </summary>
    public DeepNetwork Network { get; }

    /// <summary>The factor s_l LSUV found for each layer's weights as drawn (the product of the rescalings
    /// 1/sqrt(Var)).</summary>
    public IReadOnlyList<double> Scales { get; }

    /// <summary>How many rescalings each layer took (0 when its variance was already within tolerance).</summary>
    public IReadOnlyList<int> Iterations { get; }

    /// <summary>Each layer's output variance on the batch before its first rescaling (its inputs already
    /// normalized).</summary>
    public IReadOnlyList<double> VariancesBefore { get; }

    /// <summary>Each layer's output variance on the batch after LSUV.</summary>
    public IReadOnlyList<double> VariancesAfter { get; }

    /// <summary>Whether every layer ended with |Var - 1| &lt; tolerance.</summary>
    public bool Converged => VariancesAfter.All(v => Math.Abs(v - 1) < Options.Tolerance);

    /// <summary>
    /// The number of mini-batch forward passes LSUV as published costs: one per variance measurement,
    /// i.e. the sum over layers of 1 + iterations (this implementation reuses each layer's product, so
    /// it costs one forward pass in matrix products).
    /// </summary>
    public int ForwardPasses => Iterations.Sum() + Iterations.Count;
}
