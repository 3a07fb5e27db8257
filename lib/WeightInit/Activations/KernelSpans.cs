namespace WeightInit.Activations;

/// <summary>
/// The span overloads of an activation whose elementwise math is an <see cref="IActivationKernel"/>:
/// <see cref="Activation"/> delegates its six span methods to one of these, so each activation class
/// states only its scalar and vector formulas.
/// </summary>
internal abstract class KernelSpans
{
    public abstract void Apply(ReadOnlySpan<double> x, Span<double> destination);
    public abstract void Apply(ReadOnlySpan<float> x, Span<float> destination);
    public abstract void Derivative(ReadOnlySpan<double> x, Span<double> destination);
    public abstract void Derivative(ReadOnlySpan<float> x, Span<float> destination);
    public abstract void ApplyWithDerivative(ReadOnlySpan<double> x, Span<double> y, Span<double> dydx);
    public abstract void ApplyWithDerivative(ReadOnlySpan<float> x, Span<float> y, Span<float> dydx);

    /// <summary>Span loops specialized for <typeparamref name="TKernel"/> (a struct, so the JIT inlines its math).</summary>
    public static KernelSpans For<TKernel>(TKernel kernel) where TKernel : struct, IActivationKernel => new Of<TKernel>(kernel);

    private sealed class Of<TKernel>(TKernel kernel) : KernelSpans where TKernel : struct, IActivationKernel
    {
        public override void Apply(ReadOnlySpan<double> x, Span<double> destination) => ActivationKernel.Apply(kernel, x, destination);
        public override void Apply(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernel.Apply(kernel, x, destination);
        public override void Derivative(ReadOnlySpan<double> x, Span<double> destination) => ActivationKernel.Derivative(kernel, x, destination);
        public override void Derivative(ReadOnlySpan<float> x, Span<float> destination) => ActivationKernel.Derivative(kernel, x, destination);
        public override void ApplyWithDerivative(ReadOnlySpan<double> x, Span<double> y, Span<double> dydx) => ActivationKernel.ApplyWithDerivative(kernel, x, y, dydx);
        public override void ApplyWithDerivative(ReadOnlySpan<float> x, Span<float> y, Span<float> dydx) => ActivationKernel.ApplyWithDerivative(kernel, x, y, dydx);
    }
}
