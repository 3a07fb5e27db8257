using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// The identity f(x) = x, f'(x) = 1: no activation, as in a linear layer or a network's output.
/// PyTorch's <c>nn.init.calculate_gain</c> calls it "linear".
/// </summary>
internal sealed class IdentityActivation : KernelActivation<IdentityActivation.Kernel>
{
    /// <summary>Creates the identity; <see cref="Activation.Identity"/> is the shared instance.</summary>
    public IdentityActivation() : base(default) { }

    /// <inheritdoc/>
    public override string Name => "Identity";

    /// <summary>The formulas.</summary>
    internal readonly struct Kernel : IActivationKernel
    {
        public double Apply(double x) => x;
        public double Derivative(double x) => SimdMath.KeepNaN(x, 1.0);
        public TV Apply<TV>(TV x) where TV : struct, ISimdVector<TV, double> => x;
        public TV Derivative<TV>(TV x) where TV : struct, ISimdVector<TV, double> => SimdMath.KeepNaN(x, TV.One);
        public TV Apply<TV>(TV x, out TV derivative) where TV : struct, ISimdVector<TV, double>
        {
            derivative = Derivative(x);
            return x;
        }
    }
}
