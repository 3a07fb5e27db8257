using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// An initializer whose scale depends on the layer's fans (Xavier/Glorot, He/Kaiming, LeCun,
/// variance scaling, ...). Its scale can be read for any fans without drawing, e.g. to chart the
/// weight range against the number of inputs.
/// </summary>
/// <remarks>
/// The weight tensor needs at least two dimensions; see <see cref="Fans"/> for the layout. The library's fan-scaled
/// initializers are made by <see cref="Init"/> (Xavier, He, LeCun, variance scaling, ...); the class is not meant to
/// be derived from outside the library.
/// </remarks>
public abstract class FanScaledInitializer : IWeightInitializer
{
    /// <summary>Only the library's initializers derive from this class.</summary>
    /// <param name="uniform">True when the weights are drawn from U(-b, b) with b = <see cref="Bound"/>, false when
    /// from N(0, <see cref="Std"/>^2) (a class with another distribution draws them itself).</param>
    private protected FanScaledInitializer(bool uniform) => IsUniform = uniform;

    /// <summary>Whether the weights are drawn from U(-b, b) rather than from a normal distribution.</summary>
    private protected bool IsUniform { get; }

    /// <summary>"Uniform" or "Normal", for the names of initializers that come in both forms.</summary>
    private protected string Form => IsUniform ? "Uniform" : "Normal";

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

    /// <summary>The variance of the drawn weights, Std(fanIn, fanOut)^2.</summary>
    /// <param name="fanIn">The number of inputs; positive.</param>
    /// <param name="fanOut">The number of outputs; positive.</param>
    /// <returns>The variance.</returns>
    public double Variance(int fanIn, int fanOut)
    {
        Fans.CheckFans(fanIn, fanOut);
        return VarianceOf(fanIn, fanOut);
    }

    /// <summary>
    /// The largest magnitude a weight can take for a layer with the given fans: b for U(-b, b) (b = sqrt(3) Std), the
    /// truncation point for a truncated normal, +infinity for a normal.
    /// </summary>
    /// <param name="fanIn">fan_in; positive.</param>
    /// <param name="fanOut">fan_out; positive.</param>
    /// <returns>The bound.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fan is not positive.</exception>
    public double Bound(int fanIn, int fanOut)
    {
        Fans.CheckFans(fanIn, fanOut);
        return BoundOf(fanIn, fanOut);
    }

    /// <summary>Computes the variance for valid (positive) fans: StdOf^2, unless the formula gives it more
    /// directly.</summary>
    /// <param name="fanIn">fan_in.</param>
    /// <param name="fanOut">fan_out.</param>
    /// <returns>The variance of the drawn weights.</returns>
    private protected virtual double VarianceOf(int fanIn, int fanOut)
    {
        double s = StdOf(fanIn, fanOut);
        return s * s;
    }

    /// <summary>The variance of every entry: <see cref="Variance(int, int)"/> of the shape's fans
    /// (<see cref="Fans.FromShape(ReadOnlySpan{int})"/>); the mean is 0.</summary>
    /// <param name="shape">(out, in) or (out, in, k1, k2, ...): at least two dimensions, all positive.</param>
    /// <returns>Std(fan_in, fan_out)^2.</returns>
    /// <exception cref="ArgumentException">The shape has fewer than two dimensions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive.</exception>
    public double? EntryVariance(ReadOnlySpan<int> shape)
    {
        var fans = Fans.FromShape(shape);
        return VarianceOf(fans.FanIn, fans.FanOut);
    }

    /// <summary>Computes the standard deviation for valid (positive) fans: b / sqrt(3) for U(-b, b), since U(-b, b)
    /// has variance b^2 / 3; the normal form's formula otherwise.</summary>
    /// <param name="fanIn">fan_in.</param>
    /// <param name="fanOut">fan_out.</param>
    /// <returns>The standard deviation of the drawn weights.</returns>
    private protected virtual double StdOf(int fanIn, int fanOut) =>
        IsUniform ? BoundOf(fanIn, fanOut) / Math.Sqrt(3.0) : NormalStdOf(fanIn, fanOut);

    /// <summary>The standard deviation of the normal form for valid (positive) fans; only asked of an initializer
    /// constructed with uniform = false.</summary>
    /// <param name="fanIn">fan_in.</param>
    /// <param name="fanOut">fan_out.</param>
    /// <returns>The standard deviation.</returns>
    private protected virtual double NormalStdOf(int fanIn, int fanOut) =>
        throw new InvalidOperationException($"{Name} has no normal form.");

    /// <summary>Computes the bound for valid (positive) fans: b for the uniform form (each class states its formula),
    /// +infinity for a normal one.</summary>
    /// <param name="fanIn">fan_in.</param>
    /// <param name="fanOut">fan_out.</param>
    /// <returns>The bound.</returns>
    private protected virtual double BoundOf(int fanIn, int fanOut) => double.PositiveInfinity;

    /// <summary>Draws the weights for a layer with the given fans (T is float or double, already checked).</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="weights">The weights to overwrite.</param>
    /// <param name="fans">The layer's fans.</param>
    /// <param name="random">The source of every draw.</param>
    private protected virtual void Draw<T>(Span<T> weights, FanPair fans, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (IsUniform)
        {
            double b = BoundOf(fans.FanIn, fans.FanOut);
            random.FillUniform(weights, -b, b);
        }
        else
        {
            random.FillNormal(weights, 0.0, StdOf(fans.FanIn, fans.FanOut));
        }
    }

    /// <inheritdoc/>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.FloatOrDouble<T>();
        Draw(weights, WeightShape.FansOf(weights.Length, shape, Name), random);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
