using WeightInit.Scaling;

namespace WeightInit.Transformers;

/// <summary>The values at one named place of a forward pass (rows x features, row-major), as plain data.</summary>
/// <param name="Name">The place, e.g. "embedding", "block 1 attention", "logits".</param>
/// <param name="Values">A copy of the values.</param>
public sealed record ActivationSite(string Name, double[] Values)
{
    /// <summary>The mean of |x| over the values: the "l1" of the <c>mup</c> package's coordinate check.</summary>
    public double MeanAbs => CoordinateCheck.MeanAbs(Values);
}
