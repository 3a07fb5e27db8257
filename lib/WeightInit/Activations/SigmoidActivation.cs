using System.Runtime.Intrinsics;

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
public sealed class SigmoidActivation : Activation
{
    private readonly Kernel _kernel = default;

    /// <summary>Creates the sigmoid; <see cref="Activation.Sigmoid"/> is the shared instance.</summary>
    public SigmoidActivation() { }

    /// <inheritdoc/>
    public override string Name => "Sigmoid";

    /// <inheritdoc/>
    public override bool IsSaturating => true;

    /// <inheritdoc/>
    public override double Apply(double x) => _kernel.Apply(x);

    /// <inheritdoc/>
    public override double Derivative(double x) => _kernel.Derivative(x);

    /// <inheritdoc/>
    public override void Apply(ReadOnlySpan<double> x, Span<double> destination) => ActivationKernel.Apply(_kernel, x, destination);

    /// <inheritdoc/>
    public override void Apply(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernel.Apply(_kernel, x, destination);

    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<double> x, Span<double> destination) => ActivationKernel.Derivative(_kernel, x, destination);

    /// <inheritdoc/>
    public override void Derivative(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernel.Derivative(_kernel, x, destination);

    /// <inheritdoc/>
    public override void ApplyWithDerivative(ReadOnlySpan<double> x, Span<double> y, Span<double> dydx) =>
        ActivationKernel.ApplyWithDerivative(_kernel, x, y, dydx);

    /// <inheritdoc/>
    public override void ApplyWithDerivative(ReadOnlySpan<float> x, Span<float> y, Span<float> dydx) =>
        ActivationKernel.ApplyWithDerivative(_kernel, x, y, dydx);

    private readonly struct Kernel : IActivationKernel
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

        public Vector512<double> Apply(Vector512<double> x) => Apply(x, out _);

        public Vector512<double> Derivative(Vector512<double> x)
        {
            var e = Vector512.Exp(-Vector512.Abs(x));
            var r = Vector512<double>.One / (Vector512<double>.One + e);
            return e * r * r;
        }

        public Vector512<double> Apply(Vector512<double> x, out Vector512<double> derivative)
        {
            var e = Vector512.Exp(-Vector512.Abs(x));
            var r = Vector512<double>.One / (Vector512<double>.One + e);
            var er = e * r;
            derivative = er * r;
            return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), r, er);
        }
    }
}
