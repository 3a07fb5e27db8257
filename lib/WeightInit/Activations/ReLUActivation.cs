using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// The rectified linear unit f(x) = max(0, x), with f'(x) = 1 for x &gt; 0 and 0 for x &lt;= 0.
/// Nair &amp; Hinton (2010, "Rectified Linear Units Improve Restricted Boltzmann Machines"); Glorot,
/// Bordes &amp; Bengio (2011, "Deep Sparse Rectifier Neural Networks"). He et al. (2015, "Delving Deep into
/// Rectifiers") derived the initialization for it (variance 2/fan_in).
/// </summary>
/// <remarks>
/// At the kink, f'(0) = 0, as PyTorch's autograd takes it (its ReLU backward passes the gradient only
/// where the output is positive). f(NaN) and f'(NaN) are NaN.
/// </remarks>
internal sealed class ReLUActivation : KernelActivation<ReLUActivation.Kernel>
{
    /// <summary>Creates ReLU; <see cref="Activation.ReLU"/> is the shared instance.</summary>
    public ReLUActivation() : base(default) { }

    /// <inheritdoc/>
    public override string Name => "ReLU";

    /// <summary>The formulas.</summary>
    internal readonly struct Kernel : IActivationKernel
    {
        public double Apply(double x) => x <= 0 ? 0.0 : x;
        public double Derivative(double x) => x > 0 ? 1.0 : SimdMath.KeepNaN(x, 0.0);
        public TV Apply<TV>(TV x)
            where TV : struct, ISimdVector<TV, double> =>
            TV.ConditionalSelect(TV.LessThanOrEqual(x, TV.Zero), TV.Zero, x);
        public TV Derivative<TV>(TV x) where TV : struct, ISimdVector<TV, double> =>
            SimdMath.KeepNaN(x, TV.ConditionalSelect(TV.GreaterThan(x, TV.Zero), TV.One, TV.Zero));
        public TV Apply<TV>(TV x, out TV derivative) where TV : struct, ISimdVector<TV, double>
        {
            derivative = Derivative(x);
            return Apply(x);
        }
    }
}
