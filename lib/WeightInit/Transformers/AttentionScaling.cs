namespace WeightInit.Transformers;

/// <summary>The factor on the attention logits q . k.</summary>
public enum AttentionScaling
{
    /// <summary>
    /// 1/sqrt(d_head) (Vaswani et al. 2017, "Attention Is All You Need"): the standard parametrization.
    /// </summary>
    InverseSqrtHeadWidth,

    /// <summary>1/d_head: maximal update parametrization (Yang et al. 2022, "Tensor Programs V", section 4).</summary>
    InverseHeadWidth,
}
