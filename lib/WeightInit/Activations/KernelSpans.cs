using System.Numerics;
using System.Runtime.Intrinsics;

namespace WeightInit.Activations;

/// <summary>
/// The span methods of an activation: <see cref="Activation"/> hands its three generic span methods to one of
/// these, so each activation class states only its scalar and vector formulas. The library's activations get
/// the vectorized loops of their <see cref="IActivationKernel"/> (<see cref="For{TKernel}"/>); an activation
/// defined outside the library gets the same loops over its scalar methods (<see cref="Scalar"/>).
/// </summary>
internal abstract class KernelSpans
{
    /// <summary>Whether the loops run an activation's vector formulas (false: its scalar methods, element by element).</summary>
    public abstract bool IsVectorized { get; }

    public abstract void Apply<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>;

    public abstract void Derivative<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>;

    public abstract void ApplyWithDerivative<T>(ReadOnlySpan<T> x, Span<T> y, Span<T> dydx) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Span loops specialized for <typeparamref name="TKernel"/> (a struct, so the JIT inlines its math).</summary>
    public static KernelSpans For<TKernel>(TKernel kernel) where TKernel : struct, IActivationKernel => new Of<TKernel>(kernel, vectorized: true);

    /// <summary>The same loops over <paramref name="activation"/>'s scalar <see cref="Activation.Apply(double)"/> and <see cref="Activation.Derivative(double)"/>.</summary>
    public static KernelSpans Scalar(Activation activation) => new Of<ScalarKernel>(new ScalarKernel(activation), vectorized: false);

    private sealed class Of<TKernel>(TKernel kernel, bool vectorized) : KernelSpans where TKernel : struct, IActivationKernel
    {
        public override bool IsVectorized => vectorized;

        public override void Apply<T>(ReadOnlySpan<T> x, Span<T> destination) => ActivationKernel.Apply(kernel, x, destination);

        public override void Derivative<T>(ReadOnlySpan<T> x, Span<T> destination) => ActivationKernel.Derivative(kernel, x, destination);

        public override void ApplyWithDerivative<T>(ReadOnlySpan<T> x, Span<T> y, Span<T> dydx) => ActivationKernel.ApplyWithDerivative(kernel, x, y, dydx);
    }

    /// <summary>An activation's scalar methods as a kernel: each vector lane is computed by a scalar call.</summary>
    private readonly struct ScalarKernel(Activation activation) : IActivationKernel
    {
        public double Apply(double x) => activation.Apply(x);

        public double Derivative(double x) => activation.Derivative(x);

        public Vector512<double> Apply(Vector512<double> x) => EachLane(x, derivative: false);

        public Vector512<double> Derivative(Vector512<double> x) => EachLane(x, derivative: true);

        public Vector512<double> Apply(Vector512<double> x, out Vector512<double> derivative)
        {
            derivative = EachLane(x, derivative: true);
            return EachLane(x, derivative: false);
        }

        private Vector512<double> EachLane(Vector512<double> x, bool derivative)
        {
            Span<double> lanes = stackalloc double[Vector512<double>.Count];
            x.CopyTo(lanes);
            for (int i = 0; i < lanes.Length; i++) lanes[i] = derivative ? activation.Derivative(lanes[i]) : activation.Apply(lanes[i]);
            return Vector512.Create<double>(lanes);
        }
    }
}
