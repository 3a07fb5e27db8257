using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// The Gaussian error linear unit in its exact form, f(x) = x Phi(x) = (x/2)(1 + erf(x / sqrt 2)),
/// with f'(x) = Phi(x) + x phi(x), where Phi and phi are the standard normal distribution and density
/// functions, phi(x) = e^(-x^2/2) / sqrt(2 pi). Hendrycks &amp; Gimpel (2016, "Gaussian Error Linear Units
/// (GELUs)"); this is PyTorch's default (approximate = 'none'), not the tanh approximation.
/// </summary>
/// <remarks>
/// Phi is computed from the normal tail Q(|x|) = erfc(|x| / sqrt 2) / 2 of the library's elementary functions
/// (<c>SimdMath.NormalUpperTail</c>: a Chebyshev fit of Numerical Recipes' form, accurate to rounding, with the
/// exponent x^2/2 split exactly), so that f has full relative accuracy in the negative tail; GELU(1e4) = 1e4,
/// GELU(-1e4) = 0 (as -0), f'(+-1e4) = 1 and 0. Smooth everywhere; f'(0) = 1/2.
/// </remarks>
internal sealed class GeluActivation : KernelActivation<GeluActivation.Kernel>
{
    /// <summary>Creates GELU; <see cref="Activation.Gelu"/> is the shared instance.</summary>
    public GeluActivation() : base(default) { }

    /// <inheritdoc/>
    public override string Name => "GELU";

    /// <summary>The formulas.</summary>
    internal readonly struct Kernel : IActivationKernel
    {
        public double Apply(double x)
        {
            double q = SimdMath.NormalUpperTail(Math.Abs(x), out _);
            return x * (x < 0 ? q : 1.0 - q);
        }

        public double Derivative(double x)
        {
            double q = SimdMath.NormalUpperTail(Math.Abs(x), out double gaussian);
            return (x < 0 ? q : 1.0 - q) + x * gaussian * SimdMath.InverseSqrtTwoPi;
        }

        public TV Apply<TV>(TV x) where TV : struct, ISimdVector<TV, double> => Apply(x, out _);

        public TV Derivative<TV>(TV x) where TV : struct, ISimdVector<TV, double>
        {
            Apply(x, out var derivative);
            return derivative;
        }

        public TV Apply<TV>(TV x, out TV derivative) where TV : struct, ISimdVector<TV, double>
        {
            var q = SimdMath.NormalUpperTail(TV.Abs(x), out var gaussian);
            var cdf = TV.ConditionalSelect(TV.LessThan(x, TV.Zero), q, TV.One - q);
            derivative = TV.FusedMultiplyAdd(x * gaussian, TV.Create(SimdMath.InverseSqrtTwoPi), cdf);
            return x * cdf;
        }
    }
}
