namespace WeightInit.Activations;

/// <summary>
/// An activation of the library, stated once as an <see cref="IActivationKernel"/> (scalar and register formulas):
/// its scalar <see cref="Activation.Apply(double)"/> and <see cref="Activation.Derivative(double)"/> are the kernel's,
/// and its span methods run the kernel's vectorized loops.
/// </summary>
/// <typeparam name="TKernel">The activation's formulas.</typeparam>
/// <param name="kernel">The formulas with their parameters.</param>
internal abstract class KernelActivation<TKernel>(TKernel kernel) : Activation(KernelSpans.For(kernel))
    where TKernel : struct, IActivationKernel
{
    /// <inheritdoc/>
    public sealed override double Apply(double x) => kernel.Apply(x);

    /// <inheritdoc/>
    public sealed override double Derivative(double x) => kernel.Derivative(x);
}
