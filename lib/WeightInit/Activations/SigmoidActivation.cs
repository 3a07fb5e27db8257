using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// The logistic sigmoid f(x) = 1 / (1 + e^-x), with f'(x) = f(x) (1 - f(x)) = e^-|x| / (1 + e^-|x|)^2.
/// The classic unit of back-propagation networks (Rumelhart, Hinton &amp; Williams 1986, "Learning
/// representations by back-propagating errors"); Glorot &amp; Bengio (2010, "Understanding the difficulty
/// of training deep feedforward neural networks") showed how it saturates in deep networks.
/// </summary>
/// <remarks>
/// Computed from e = e^-|x|, which never overflows: f = 1/(1+e) for x &gt;= 0 and e/(1+e) for x &lt; 0, and
/// f' = e/(1+e)^2, so sigmoid(-1000) = 0, sigmoid(1000) = 1 and f' has full relative accuracy in both
/// tails (no 1 - f cancellation). Smooth everywhere; f'(0) = 1/4.
/// </remarks>
internal sealed class SigmoidActivation : KernelActivation<SigmoidActivation.Kernel>
{
    /// <summary>Creates the sigmoid; <see cref="Activation.Sigmoid"/> is the shared instance.</summary>
    public SigmoidActivation() : base(default) { }

    /// <inheritdoc/>
    public override string Name => "Sigmoid";

    /// <inheritdoc/>
    public override bool IsSaturating => true;

    /// <summary>The formulas.</summary>
    internal readonly struct Kernel : IActivationKernel
    {
        public double Apply(double x)
        {
            double e = Math.Exp(-Math.Abs(x));
            double r = 1.0 / (1.0 + e);
            return x >= 0 ? r : e * r;
        }

        public double Derivative(double x)
        {
            double e = Math.Exp(-Math.Abs(x));
            double r = 1.0 / (1.0 + e);
            return e * r * r;
        }

        public TV Apply<TV>(TV x) where TV : struct, ISimdVector<TV, double> => Apply(x, out _);

        public TV Derivative<TV>(TV x) where TV : struct, ISimdVector<TV, double>
        {
            var e = SimdMath.Exp(-TV.Abs(x));
            var r = TV.One / (TV.One + e);
            return e * r * r;
        }

        public TV Apply<TV>(TV x, out TV derivative) where TV : struct, ISimdVector<TV, double>
        {
            var e = SimdMath.Exp(-TV.Abs(x));
            var r = TV.One / (TV.One + e);
            var er = e * r;
            derivative = er * r;
            return TV.ConditionalSelect(TV.GreaterThanOrEqual(x, TV.Zero), r, er);
        }
    }
}
