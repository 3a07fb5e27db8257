using WeightInit.Statistics;

namespace WeightInit.Training;

/// <summary>
/// A compact picture of a batch of values (pre-activations, activations or gradients at one site):
/// a fixed-bin histogram over [min, max] of the finite values, their mean and standard deviation.
/// </summary>
/// <param name="Histogram">The histogram of the finite values (over [v - h, v + h] with h = max(1, |v|) / 2 when they
/// are all equal to v); null if none is finite or their range overflows.</param>
/// <param name="Mean">The mean of the finite values (NaN if none).</param>
/// <param name="Std">Their population standard deviation (NaN if none).</param>
/// <param name="Count">How many values there were.</param>
/// <param name="NonFiniteCount">How many of them were NaN or infinite.</param>
public sealed record DistributionSummary(FixedBinHistogram? Histogram, double Mean, double Std, long Count,
    long NonFiniteCount);
