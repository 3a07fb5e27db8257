namespace WeightInit.Activations;

/// <summary>
/// An elementwise activation function f and its derivative f'. Instances are immutable and
/// thread-safe; the common ones are static properties of this class.
/// </summary>
public abstract class Activation
{
    /// <summary>A short name, e.g. "ReLU".</summary>
    public abstract string Name { get; }

    /// <summary>f(x).</summary>
    /// <param name="x">The pre-activation.</param>
    /// <returns>The activation.</returns>
    public abstract double Apply(double x);

    /// <summary>f'(x), the derivative with respect to the pre-activation.</summary>
    /// <param name="x">The pre-activation.</param>
    /// <returns>The derivative at <paramref name="x"/>.</returns>
    public abstract double Derivative(double x);

    /// <summary>Applies f elementwise: destination[i] = f(x[i]). The spans may overlap exactly (in place).</summary>
    /// <param name="x">The pre-activations.</param>
    /// <param name="destination">Where to write f(x); as long as <paramref name="x"/>.</param>
    public virtual void Apply(ReadOnlySpan<double> x, Span<double> destination)
    {
        CheckLengths(x.Length, destination.Length);
        for (int i = 0; i < x.Length; i++) destination[i] = Apply(x[i]);
    }

    /// <inheritdoc cref="Apply(ReadOnlySpan{double}, Span{double})"/>
    public virtual void Apply(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckLengths(x.Length, destination.Length);
        for (int i = 0; i < x.Length; i++) destination[i] = (float)Apply(x[i]);
    }

    /// <summary>Computes f' elementwise: destination[i] = f'(x[i]). The spans may overlap exactly.</summary>
    /// <param name="x">The pre-activations.</param>
    /// <param name="destination">Where to write f'(x); as long as <paramref name="x"/>.</param>
    public virtual void Derivative(ReadOnlySpan<double> x, Span<double> destination)
    {
        CheckLengths(x.Length, destination.Length);
        for (int i = 0; i < x.Length; i++) destination[i] = Derivative(x[i]);
    }

    /// <inheritdoc cref="Derivative(ReadOnlySpan{double}, Span{double})"/>
    public virtual void Derivative(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckLengths(x.Length, destination.Length);
        for (int i = 0; i < x.Length; i++) destination[i] = (float)Derivative(x[i]);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Throws when the destination is not as long as the input.</summary>
    /// <param name="xLength">The input's length.</param>
    /// <param name="destinationLength">The destination's length.</param>
    protected static void CheckLengths(int xLength, int destinationLength)
    {
        if (xLength != destinationLength)
            throw new ArgumentException(
                $"The destination must be as long as the input ({xLength}), but its length is {destinationLength}.",
                "destination");
    }

    /// <summary>f(x) = x.</summary>
    public static Activation Identity { get; } = new Simple("Identity", x => x, _ => 1.0);

    /// <summary>The logistic sigmoid 1 / (1 + e^-x).</summary>
    public static Activation Sigmoid { get; } = new Simple("Sigmoid",
        x => 1.0 / (1.0 + Math.Exp(-x)),
        x => { double s = 1.0 / (1.0 + Math.Exp(-x)); return s * (1.0 - s); });

    /// <summary>The hyperbolic tangent.</summary>
    public static Activation Tanh { get; } = new Simple("Tanh",
        Math.Tanh,
        x => { double t = Math.Tanh(x); return 1.0 - t * t; });

    /// <summary>max(0, x); the derivative at 0 is taken as 0.</summary>
    public static Activation ReLU { get; } = new Simple("ReLU", x => x > 0 ? x : 0.0, x => x > 0 ? 1.0 : 0.0);

    private sealed class Simple(string name, Func<double, double> f, Func<double, double> df) : Activation
    {
        public override string Name => name;
        public override double Apply(double x) => f(x);
        public override double Derivative(double x) => df(x);
    }
}
