using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// The hyperbolic tangent f(x) = tanh x = (e^x - e^-x) / (e^x + e^-x), with f'(x) = 1 - tanh^2 x = sech^2 x.
/// Recommended over the logistic sigmoid for its zero mean by LeCun, Bottou, Orr &amp; Mueller (1998,
/// "Efficient BackProp"); PyTorch's gain for it is 5/3.
/// </summary>
/// <remarks>
/// The span form computes, with a = |x| and m = e^(-2a) - 1 (an accurate expm1), tanh a = -m / (2 + m)
/// and restores the sign; f' = 4 e^(-2a) / (1 + e^(-2a))^2, which has no 1 - tanh^2 cancellation and
/// decays to 0 (never NaN) for large |x|; tanh(1e4) = 1. Smooth everywhere; f'(0) = 1.
/// </remarks>
internal sealed class TanhActivation : KernelActivation<TanhActivation.Kernel>
{
    /// <summary>Creates tanh; <see cref="Activation.Tanh"/> is the shared instance.</summary>
    public TanhActivation() : base(default) { }

    /// <inheritdoc/>
    public override string Name => "Tanh";

    /// <inheritdoc/>
    public override bool IsSaturating => true;

    /// <summary>The formulas.</summary>
    internal readonly struct Kernel : IActivationKernel
    {
        public double Apply(double x) => Math.Tanh(x);

        public double Derivative(double x)
        {
            double e = Math.Exp(-2.0 * Math.Abs(x));
            double r = 1.0 / (1.0 + e);
            return 4.0 * e * r * r;
        }

        public TV Apply<TV>(TV x) where TV : struct, ISimdVector<TV, double> => Apply(x, out _);

        public TV Derivative<TV>(TV x) where TV : struct, ISimdVector<TV, double>
        {
            var e = SimdMath.Exp(TV.Create(-2.0) * TV.Abs(x));
            var r = TV.One / (TV.One + e);
            return TV.Create(4.0) * e * r * r;
        }

        public TV Apply<TV>(TV x, out TV derivative) where TV : struct, ISimdVector<TV, double>
        {
            var m = SimdMath.ExpM1(TV.Create(-2.0) * TV.Abs(x), out var e);
            var r = TV.One / (TV.One + e);
            derivative = TV.Create(4.0) * e * r * r;
            var magnitude = -m / (TV.Create(2.0) + m);
            return magnitude | (x & TV.Create(-0.0));
        }
    }
}
