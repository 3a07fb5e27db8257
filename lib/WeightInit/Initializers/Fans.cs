namespace WeightInit.Initializers;

/// <summary>
/// Fan-in and fan-out of a weight tensor, following PyTorch's
/// <c>torch.nn.init._calculate_fan_in_and_fan_out</c>.
/// </summary>
/// <remarks>
/// <para>Layout convention (PyTorch's, row-major): a dense layer's weight has shape
/// (out_features, in_features); a convolution's weight has shape
/// (out_channels, in_channels / groups, k1, k2, ...).</para>
/// <para>With the receptive field r = k1 * k2 * ... (1 for a dense layer):
/// fan_in = shape[1] * r and fan_out = shape[0] * r.</para>
/// <para>Keras stores kernels as (k1, ..., in, out) instead; its fans are the same numbers for
/// the same layer, only read from other positions.</para>
/// </remarks>
public static class Fans
{
    /// <summary>Computes (fan_in, fan_out) of a weight of the given shape.</summary>
    /// <param name="shape">(out, in) or (out, in, k1, k2, ...); at least two dimensions, all positive.</param>
    /// <returns>fan_in = shape[1] * r, fan_out = shape[0] * r, with r the product of shape[2..].</returns>
    /// <exception cref="ArgumentException">The shape has fewer than two dimensions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is zero or negative, or a fan exceeds
    /// <see cref="int.MaxValue"/>.</exception>
    public static FanPair FromShape(ReadOnlySpan<int> shape)
    {
        if (shape.Length < 2)
            throw new ArgumentException(
                $"shape must have at least 2 dimensions (out, in, k1, ...) to compute fans, but it has {shape.Length}.",
                nameof(shape));
        WeightShape.CheckDimensions(shape);
        long receptive = 1;
        for (int i = 2; i < shape.Length; i++)
        {
            receptive *= shape[i];
            if (receptive > int.MaxValue) throw FanTooLarge();
        }
        long fanIn = shape[1] * receptive, fanOut = shape[0] * receptive;
        if (fanIn > int.MaxValue || fanOut > int.MaxValue) throw FanTooLarge();
        return new FanPair((int)fanIn, (int)fanOut);

        static ArgumentOutOfRangeException FanTooLarge() =>
            new(nameof(shape), "shape gives a fan larger than int.MaxValue.");
    }

    /// <inheritdoc cref="FromShape(ReadOnlySpan{int})"/>
    public static FanPair FromShape(params int[] shape) => FromShape(shape.AsSpan());

    /// <summary>The number n a variance-scaling initializer divides by, for the given mode.</summary>
    /// <param name="fans">The fans; both must be positive.</param>
    /// <param name="mode">FanIn: fan_in; FanOut: fan_out; FanAvg: (fan_in + fan_out) / 2;
    /// FanGeoAvg: sqrt(fan_in * fan_out).</param>
    /// <returns>n, a positive number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fan is not positive, or the mode is undefined.</exception>
    public static double For(FanPair fans, FanMode mode)
    {
        CheckFans(fans.FanIn, fans.FanOut);
        return mode switch
        {
            FanMode.FanIn => fans.FanIn,
            FanMode.FanOut => fans.FanOut,
            FanMode.FanAvg => (fans.FanIn + (double)fans.FanOut) / 2.0,
            FanMode.FanGeoAvg => Math.Sqrt((double)fans.FanIn * fans.FanOut),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode,
                "mode must be FanIn, FanOut, FanAvg or FanGeoAvg."),
        };
    }

    /// <summary>Throws unless both fans are positive.</summary>
    internal static void CheckFans(int fanIn, int fanOut)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanOut);
    }
}
