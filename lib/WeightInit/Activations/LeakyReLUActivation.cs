using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// The leaky ReLU f(x) = x for x &gt; 0 and s x for x &lt;= 0 (s = <see cref="NegativeSlope"/>, 0.01 by
/// default as in PyTorch), with f'(x) = 1 for x &gt; 0 and s for x &lt;= 0. Maas, Hannun &amp; Ng (2013,
/// "Rectifier Nonlinearities Improve Neural Network Acoustic Models"). PyTorch's gain for it is
/// sqrt(2 / (1 + s^2)).
/// </summary>
/// <remarks>At the kink, f'(0) = s, as PyTorch's autograd takes it (it tests x &gt; 0). f'(NaN) is NaN.</remarks>
internal sealed class LeakyReLUActivation : KernelActivation<LeakyReLUActivation.Kernel>
{
    /// <summary>PyTorch's default negative slope, 0.01.</summary>
    public const double DefaultNegativeSlope = 0.01;

    /// <summary>Creates a leaky ReLU.</summary>
    /// <param name="negativeSlope">The slope s for x &lt;= 0; finite (any sign).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is NaN or infinite.</exception>
    public LeakyReLUActivation(double negativeSlope = DefaultNegativeSlope)
        : base(new Kernel(negativeSlope))
    {
        Guard.Finite(negativeSlope);
        NegativeSlope = negativeSlope;
    }

    /// <summary>The slope s for x &lt;= 0.</summary>
    public double NegativeSlope { get; }

    /// <inheritdoc/>
    public override string Name => "LeakyReLU";

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"LeakyReLU(negativeSlope: {NegativeSlope})");

    /// <summary>The formulas.</summary>
    internal readonly struct Kernel(double slope) : IActivationKernel
    {
        public double Apply(double x) => x > 0 ? x : slope * x;
        public double Derivative(double x) => x > 0 ? 1.0 : SimdMath.KeepNaN(x, slope);
        public TV Apply<TV>(TV x)
            where TV : struct, ISimdVector<TV, double> =>
            TV.ConditionalSelect(TV.GreaterThan(x, TV.Zero), x, TV.Create(slope) * x);
        public TV Derivative<TV>(TV x) where TV : struct, ISimdVector<TV, double> =>
            SimdMath.KeepNaN(x, TV.ConditionalSelect(TV.GreaterThan(x, TV.Zero), TV.One, TV.Create(slope)));
        public TV Apply<TV>(TV x, out TV derivative) where TV : struct, ISimdVector<TV, double>
        {
            derivative = Derivative(x);
            return Apply(x);
        }
    }
}
