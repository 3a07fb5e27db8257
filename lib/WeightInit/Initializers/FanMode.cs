namespace WeightInit.Initializers;

/// <summary>
/// Which "fan" a variance-scaling initializer divides by. For a weight of shape
/// (out, in, k1, k2, ...) with receptive field r = k1*k2*..., fan_in = in*r and fan_out = out*r
/// (see <see cref="Fans"/>).
/// </summary>
public enum FanMode
{
    /// <summary>n = fan_in: preserves the variance of the activations in the forward pass
    /// (LeCun et al. 1998; He et al. 2015).</summary>
    FanIn,

    /// <summary>n = fan_out: preserves the variance of the gradients in the backward pass (He et al. 2015).</summary>
    FanOut,

    /// <summary>n = (fan_in + fan_out) / 2: the compromise of Glorot &amp; Bengio (2010).</summary>
    FanAvg,

    /// <summary>n = sqrt(fan_in * fan_out): the geometric mean, as in JAX's
    /// <c>variance_scaling(mode="fan_geo_avg")</c>.</summary>
    FanGeoAvg,
}
