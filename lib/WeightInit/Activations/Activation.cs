using System.Numerics;
using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// An elementwise activation function f and its derivative f'. Instances are immutable and
/// thread-safe; the common ones are static properties of this class.
/// </summary>
/// <remarks>
/// The span methods are generic over the element type, <see cref="float"/> or <see cref="double"/>, like the rest
/// of the library's numeric API. The library's activations compute them with the widest vectors the hardware has
/// (AVX-512, AVX2, SSE or ARM64 NEON; the same bits on every width; float spans are computed in double and rounded
/// once), and agree with the scalar
/// <see cref="Apply(double)"/> and <see cref="Derivative(double)"/> to a few ulps. They never return NaN
/// for a finite input, however large; a NaN input gives NaN (it is data, not an error). At a kink, f'
/// takes the value PyTorch's autograd uses; each class says which.
/// </remarks>
public abstract class Activation
{
    // The library's activations hand their vectorized span loops to the base class; a subclass from
    // outside the library gets the same loops over its scalar methods.
    private readonly KernelSpans _spans;

    /// <summary>Creates an activation whose span methods loop over the scalar <see cref="Apply(double)"/> and
    /// <see cref="Derivative(double)"/>.</summary>
    protected Activation() => _spans = KernelSpans.Scalar(this);

    /// <summary>Creates an activation whose span methods run the vectorized loops of
    /// <paramref name="spans"/>.</summary>
    private protected Activation(KernelSpans spans) => _spans = spans;

    /// <summary>A short name, e.g. "ReLU"; <see cref="FromName(string)"/> accepts it.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Whether f is bounded on both sides, so that f' tends to 0 for large |x| (sigmoid, tanh): deep
    /// networks of such units lose gradient once pre-activations grow.
    /// </summary>
    public virtual bool IsSaturating => false;

    /// <summary>f(x).</summary>
    /// <param name="x">The pre-activation.</param>
    /// <returns>The activation.</returns>
    public abstract double Apply(double x);

    /// <summary>f'(x), the derivative with respect to the pre-activation.</summary>
    /// <param name="x">The pre-activation.</param>
    /// <returns>The derivative at <paramref name="x"/>.</returns>
    public abstract double Derivative(double x);

    /// <summary>
    /// Applies f elementwise: destination[i] = f(x[i]). The spans may overlap exactly (in place).
    /// float values are computed in double and rounded once.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, inferred from the spans or arrays.</typeparam>
    /// <param name="x">The pre-activations.</param>
    /// <param name="destination">Where to write f(x); as long as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The destination's length differs from the input's, or it overlaps the input
    /// shifted.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public void Apply<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Apply(x, destination, SimdPath.Auto);

    /// <summary><see cref="Apply{T}(ReadOnlySpan{T}, Span{T})"/> on a forced SIMD path (tests and
    /// benchmarks).</summary>
    internal void Apply<T>(ReadOnlySpan<T> x, Span<T> destination, SimdPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        _spans.Apply(x, destination, path);
    }

    /// <summary>
    /// Computes f' elementwise: destination[i] = f'(x[i]). The spans may overlap exactly (in place).
    /// float values are computed in double and rounded once.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, inferred from the spans or arrays.</typeparam>
    /// <param name="x">The pre-activations.</param>
    /// <param name="destination">Where to write f'(x); as long as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The destination's length differs from the input's, or it overlaps the input
    /// shifted.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public void Derivative<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Derivative(x, destination, SimdPath.Auto);

    /// <summary><see cref="Derivative{T}(ReadOnlySpan{T}, Span{T})"/> on a forced SIMD path (tests and
    /// benchmarks).</summary>
    internal void Derivative<T>(ReadOnlySpan<T> x, Span<T> destination, SimdPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        _spans.Derivative(x, destination, path);
    }

    /// <summary>
    /// Computes f and f' in one pass: y[i] = f(x[i]), dydx[i] = f'(x[i]), as the forward pass of a
    /// network that will be differentiated needs. <paramref name="y"/> or <paramref name="dydx"/> may be
    /// <paramref name="x"/> itself (in place); <paramref name="y"/> and <paramref name="dydx"/> must not overlap.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, inferred from the spans or arrays.</typeparam>
    /// <param name="x">The pre-activations.</param>
    /// <param name="y">Where to write f(x); as long as <paramref name="x"/>.</param>
    /// <param name="dydx">Where to write f'(x); as long as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">An output's length differs from the input's, an output overlaps the input
    /// shifted, or the outputs overlap.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public void ApplyWithDerivative<T>(ReadOnlySpan<T> x, Span<T> y, Span<T> dydx)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ApplyWithDerivative(x, y, dydx, SimdPath.Auto);

    /// <summary><see cref="ApplyWithDerivative{T}(ReadOnlySpan{T}, Span{T}, Span{T})"/> on a forced SIMD path (tests
    /// and benchmarks).</summary>
    internal void ApplyWithDerivative<T>(ReadOnlySpan<T> x, Span<T> y, Span<T> dydx, SimdPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        _spans.ApplyWithDerivative(x, y, dydx, path);
    }

    /// <summary>Whether the span methods run the library's vectorized loops (every library activation) or the scalar
    /// methods.</summary>
    internal bool HasVectorizedSpans => _spans.IsVectorized;

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>f(x) = x (no activation, a linear layer).</summary>
    public static Activation Identity { get; } = new IdentityActivation();

    /// <summary>The logistic sigmoid 1 / (1 + e^-x).</summary>
    public static Activation Sigmoid { get; } = new SigmoidActivation();

    /// <summary>The hyperbolic tangent.</summary>
    public static Activation Tanh { get; } = new TanhActivation();

    /// <summary>max(0, x); the derivative at 0 is taken as 0.</summary>
    public static Activation ReLU { get; } = new ReLUActivation();

    /// <summary>PyTorch's default negative slope of the leaky ReLU, 0.01: <see cref="LeakyReLU"/>'s.</summary>
    public const double DefaultLeakyReLUSlope = LeakyReLUActivation.DefaultNegativeSlope;

    /// <summary>The leaky ReLU with PyTorch's default negative slope 0.01.</summary>
    public static Activation LeakyReLU { get; } = new LeakyReLUActivation();

    /// <summary>The ELU with alpha = 1.</summary>
    public static Activation Elu { get; } = new EluActivation();

    /// <summary>The SELU, with the self-normalizing constants of Klambauer et al. (2017).</summary>
    public static Activation Selu { get; } = new SeluActivation();

    /// <summary>The GELU, exact (erf) form.</summary>
    public static Activation Gelu { get; } = new GeluActivation();

    /// <summary>Swish with beta = 1, i.e. SiLU: x * sigmoid(x).</summary>
    public static Activation Swish { get; } = new SwishActivation();

    /// <summary>The default instances, in this fixed order: Identity, Sigmoid, Tanh, ReLU, LeakyReLU, ELU, SELU, GELU,
    /// Swish.</summary>
    public static IReadOnlyList<Activation> All { get; } =
        Array.AsReadOnly(new[] { Identity, Sigmoid, Tanh, ReLU, LeakyReLU, Elu, Selu, Gelu, Swish });

    /// <summary>A leaky ReLU: x for x &gt; 0, <paramref name="negativeSlope"/> * x otherwise.</summary>
    /// <param name="negativeSlope">The slope for x &lt;= 0; finite.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The slope is NaN or infinite.</exception>
    public static Activation CreateLeakyReLU(double negativeSlope) => new LeakyReLUActivation(negativeSlope);

    /// <summary>An ELU: x for x &gt; 0, <paramref name="alpha"/> (e^x - 1) otherwise.</summary>
    /// <param name="alpha">The negative saturation value; finite and non-negative.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Alpha is NaN, infinite or negative.</exception>
    public static Activation CreateElu(double alpha) => new EluActivation(alpha);

    /// <summary>A Swish: x * sigmoid(<paramref name="beta"/> x).</summary>
    /// <param name="beta">The slope inside the sigmoid; finite.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Beta is NaN or infinite.</exception>
    public static Activation CreateSwish(double beta) => new SwishActivation(beta);

    /// <summary>The names <see cref="FromName"/> accepts besides the <see cref="Name"/>s of
    /// <see cref="All"/>.</summary>
    private static readonly (string Name, Activation Activation)[] OtherNames =
    [
        ("SiLU", Swish),
        // PyTorch's calculate_gain names of activations that differ from ours ("sigmoid", "tanh", "relu", "selu" do
        // not).
        ("linear", Identity),
        ("leaky_relu", LeakyReLU),
    ];

    /// <summary>
    /// The default instance named <paramref name="name"/>, compared without regard to case: the library's one way to
    /// read an activation from text. It accepts the <see cref="Name"/>s of <see cref="All"/>, "SiLU" for Swish, and the
    /// names PyTorch's <c>torch.nn.init.calculate_gain</c> gives activations ("linear", "sigmoid", "tanh", "relu",
    /// "leaky_relu" with the default slope 0.01, "selu").
    /// </summary>
    /// <param name="name">The activation's name.</param>
    /// <returns>The default instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No activation has that name; the message lists the known names.</exception>
    public static Activation FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var activation in All)
            if (string.Equals(activation.Name, name, StringComparison.OrdinalIgnoreCase))
                return activation;
        foreach (var (other, activation) in OtherNames)
            if (string.Equals(other, name, StringComparison.OrdinalIgnoreCase))
                return activation;
        throw new ArgumentException(
            $"name must be the name of a known activation, but \"{name}\" is not one. Known: " +
            $"{string.Join(", ", All.Select(a => a.Name).Concat(OtherNames.Select(o => o.Name)))}.",
            nameof(name));
    }
}
