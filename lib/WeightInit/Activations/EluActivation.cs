using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// The exponential linear unit f(x) = x for x &gt; 0 and a (e^x - 1) for x &lt;= 0 (a = <see cref="Alpha"/>,
/// 1 by default), with f'(x) = 1 for x &gt; 0 and a e^x for x &lt;= 0. Clevert, Unterthiner &amp;
/// Hochreiter (2015, "Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)").
/// </summary>
/// <remarks>
/// e^x - 1 is computed without cancellation near 0 (a series for |x| &lt; 0.5), as PyTorch does with
/// expm1; f(-1e4) = -a. At the kink, f'(0) = a (the x &lt;= 0 branch, as PyTorch's ELU backward takes
/// it); for a = 1 both sides agree.
/// </remarks>
internal sealed class EluActivation : KernelActivation<EluActivation.Kernel>
{
    /// <summary>Creates an ELU.</summary>
    /// <param name="alpha">The negative saturation value a; finite and non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN, infinite or negative.</exception>
    public EluActivation(double alpha = 1.0)
        : base(new Kernel(alpha, 1.0))
    {
        Guard.FiniteNonNegative(alpha);
        Alpha = alpha;
    }

    /// <summary>The negative saturation value a: f(x) tends to -a as x tends to -infinity.</summary>
    public double Alpha { get; }

    /// <inheritdoc/>
    public override string Name => "ELU";

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"ELU(alpha: {Alpha})");

    /// <summary>scale * (x for x &gt; 0, alpha (e^x - 1) otherwise); SELU uses it with its constants.</summary>
    internal readonly struct Kernel(double alpha, double scale) : IActivationKernel
    {
        public double Apply(double x) => x > 0 ? scale * x : scale * alpha * SimdMath.ExpM1(x);
        public double Derivative(double x) => x > 0 ? scale : scale * alpha * Math.Exp(x);

        public TV Apply<TV>(TV x) where TV : struct, ISimdVector<TV, double> =>
            TV.ConditionalSelect(TV.GreaterThan(x, TV.Zero), TV.Create(scale) * x,
                TV.Create(scale * alpha) * SimdMath.ExpM1(x, out _));

        public TV Derivative<TV>(TV x) where TV : struct, ISimdVector<TV, double> =>
            TV.ConditionalSelect(TV.GreaterThan(x, TV.Zero), TV.Create(scale),
                TV.Create(scale * alpha) * SimdMath.Exp(x));

        public TV Apply<TV>(TV x, out TV derivative) where TV : struct, ISimdVector<TV, double>
        {
            var positive = TV.GreaterThan(x, TV.Zero);
            var m = SimdMath.ExpM1(x, out var e);
            var scaleAlpha = TV.Create(scale * alpha);
            derivative = TV.ConditionalSelect(positive, TV.Create(scale), scaleAlpha * e);
            return TV.ConditionalSelect(positive, TV.Create(scale) * x, scaleAlpha * m);
        }
    }
}
