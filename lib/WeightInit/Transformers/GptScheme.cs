namespace WeightInit.Transformers;

/// <summary>The named initialization schemes of <see cref="GptParametrization"/>.</summary>
public enum GptScheme
{
    /// <summary>
    /// What PyTorch's modules do by themselves: <c>nn.Embedding</c> N(0, 1), <c>nn.Linear</c> weights and biases
    /// U(+-1/sqrt(fan_in)), <c>nn.LayerNorm</c> gain 1 and shift 0.
    /// </summary>
    PyTorchDefault,

    /// <summary>
    /// GPT-2's (Radford et al. 2019, section 2.3) as nanoGPT's <c>model.py</c> writes it: every weight and embedding
    /// N(0, 0.02^2), the residual projections (attention and MLP output) N(0, (0.02 / sqrt(2 L))^2), biases 0.
    /// </summary>
    Gpt2,

    /// <summary>
    /// GPT-2's scheme with the residual projections at zero (as modded-nanogpt and nanochat start them).
    /// </summary>
    ZeroResidualProjections,

    /// <summary>
    /// Maximal update parametrization for Adam relative to a base width (<see cref="Scaling.MaximalUpdate"/>).
    /// </summary>
    MaximalUpdate,

    /// <summary>
    /// The standard parametrization that Tensor Programs V sets against muP (its Table 3, in gray), relative to the
    /// same base width: every weight's variance scales as 1/fan_in (GPT-2's 0.02 at the base width, 0.02/sqrt(m) for
    /// the hidden weights and the readout at width multiplier m), one learning rate for all, no output multiplier,
    /// attention 1/sqrt(d_head).
    /// </summary>
    Standard,
}
