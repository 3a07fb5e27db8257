namespace WeightInit.Transformers;

/// <summary>
/// The attention of one transformer block on a batch, over every sequence, head and query position i (each attending
/// to the keys j &lt;= i): the scaled logits' spread and the attention's entropy against that of uniform attention.
/// </summary>
/// <param name="Block">The block, from 1.</param>
/// <param name="LogitStd">The population standard deviation of the scaled logits s q_i . k_j over every causal
/// entry.</param>
/// <param name="LogitMeanAbs">The mean of |s q_i . k_j| over every causal entry.</param>
/// <param name="MeanEntropy">The mean over rows of -sum_j a_ij ln a_ij, in nats.</param>
/// <param name="UniformEntropy">The same mean for uniform attention, the mean over rows of ln(i + 1): the largest
/// possible.</param>
public sealed record AttentionStatistics(int Block, double LogitStd, double LogitMeanAbs, double MeanEntropy,
    double UniformEntropy);
