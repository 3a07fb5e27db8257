using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// An initializer whose scale depends on the layer's fans (Xavier/Glorot, He/Kaiming, LeCun,
/// variance scaling, ...). Its scale can be read for any fans without drawing, e.g. to chart the
/// weight range against the number of inputs.
/// </summary>
/// <remarks>The weight tensor needs at least two dimensions; see <see cref="Fans"/> for the layout.</remarks>
public abstract class FanScaledInitializer : IWeightInitializer
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>The standard deviation of the weights this initializer draws for a layer with the given fans.</summary>
    /// <param name="fanIn">The number of inputs per output (times the receptive field); positive.</param>
    /// <param name="fanOut">The number of outputs per input (times the receptive field); positive.</param>
    /// <returns>The standard deviation of the drawn weights.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fan is not positive.</exception>
    public double Std(int fanIn, int fanOut)
    {
        Fans.CheckFans(fanIn, fanOut);
        return StdOf(fanIn, fanOut);
    }

    /// <inheritdoc cref="Std(int, int)"/>
    /// <param name="fans">The layer's fans.</param>
    public double Std(FanPair fans) => Std(fans.FanIn, fans.FanOut);

    /// <summary>The variance of the drawn weights, Std(fanIn, fanOut)^2.</summary>
    /// <param name="fanIn">The number of inputs; positive.</param>
    /// <param name="fanOut">The number of outputs; positive.</param>
    /// <returns>The variance.</returns>
    public double Variance(int fanIn, int fanOut)
    {
        Fans.CheckFans(fanIn, fanOut);
        return VarianceOf(fanIn, fanOut);
    }

    /// <summary>Computes the variance for valid (positive) fans: StdOf^2, unless the formula gives it more
    /// directly.</summary>
    /// <param name="fanIn">fan_in.</param>
    /// <param name="fanOut">fan_out.</param>
    /// <returns>The variance of the drawn weights.</returns>
    protected virtual double VarianceOf(int fanIn, int fanOut)
    {
        double s = StdOf(fanIn, fanOut);
        return s * s;
    }

    /// <summary>The variance of every entry: <see cref="Variance(int, int)"/> of the shape's fans (<see cref="Fans.FromShape(ReadOnlySpan{int})"/>); the mean is 0.</summary>
    /// <param name="shape">(out, in) or (out, in, k1, k2, ...): at least two dimensions, all positive.</param>
    /// <returns>Std(fan_in, fan_out)^2.</returns>
    /// <exception cref="ArgumentException">The shape has fewer than two dimensions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive.</exception>
    public double? EntryVariance(ReadOnlySpan<int> shape)
    {
        var fans = Fans.FromShape(shape);
        return VarianceOf(fans.FanIn, fans.FanOut);
    }

    /// <summary>Computes the standard deviation for valid (positive) fans.</summary>
    /// <param name="fanIn">fan_in.</param>
    /// <param name="fanOut">fan_out.</param>
    /// <returns>The standard deviation of the drawn weights.</returns>
    protected abstract double StdOf(int fanIn, int fanOut);

    /// <summary>Draws the weights for a layer with the given fans (T is float or double, already checked).</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="weights">The weights to overwrite.</param>
    /// <param name="fans">The layer's fans.</param>
    /// <param name="random">The source of every draw.</param>
    protected abstract void Draw<T>(Span<T> weights, FanPair fans, RandomSource random) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <inheritdoc/>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.FloatOrDouble<T>();
        Draw(weights, WeightShape.FansOf(weights.Length, shape, Name), random);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
