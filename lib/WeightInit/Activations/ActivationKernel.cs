using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace WeightInit.Activations;

/// <summary>
/// One activation's arithmetic, scalar and on <see cref="Vector512{T}"/> of doubles. A struct, so that
/// <see cref="ActivationKernel"/>'s generic loops are specialized and inlined per activation.
/// </summary>
internal interface IActivationKernel
{
    double Apply(double x);
    double Derivative(double x);
    Vector512<double> Apply(Vector512<double> x);
    Vector512<double> Derivative(Vector512<double> x);
    Vector512<double> Apply(Vector512<double> x, out Vector512<double> derivative);
}

/// <summary>
/// The span loops shared by every activation, for float and double: full vectors, then the tail through the
/// same vector code on a padded copy (so a value's result does not depend on where it sits in the span). float
/// spans are widened to double, computed, and rounded back once. Without AVX-512 the loops are scalar.
/// </summary>
/// <remarks>
/// Two loops serve the six span methods: <see cref="Map{TKernel, TFunction, T}(TKernel, ReadOnlySpan{T}, Span{T})"/> for f and f' (the function is a
/// type argument, so the JIT inlines it) and <see cref="ApplyWithDerivative{TKernel, T}"/> for the fused form.
/// They have a Vector512 path only; the kernel layer of issue 12 gives them every vector width.
/// </remarks>
internal static class ActivationKernel
{
    /// <summary>Which of a kernel's two functions a loop computes.</summary>
    private interface IFunction
    {
        static abstract double Scalar<TKernel>(TKernel kernel, double x) where TKernel : struct, IActivationKernel;
        static abstract Vector512<double> Vector<TKernel>(TKernel kernel, Vector512<double> x) where TKernel : struct, IActivationKernel;
    }

    /// <summary>f.</summary>
    private readonly struct Value : IFunction
    {
        public static double Scalar<TKernel>(TKernel kernel, double x) where TKernel : struct, IActivationKernel => kernel.Apply(x);
        public static Vector512<double> Vector<TKernel>(TKernel kernel, Vector512<double> x) where TKernel : struct, IActivationKernel => kernel.Apply(x);
    }

    /// <summary>f'.</summary>
    private readonly struct Slope : IFunction
    {
        public static double Scalar<TKernel>(TKernel kernel, double x) where TKernel : struct, IActivationKernel => kernel.Derivative(x);
        public static Vector512<double> Vector<TKernel>(TKernel kernel, Vector512<double> x) where TKernel : struct, IActivationKernel => kernel.Derivative(x);
    }

    /// <summary>destination[i] = f(x[i]).</summary>
    public static void Apply<TKernel, T>(TKernel kernel, ReadOnlySpan<T> x, Span<T> destination)
        where TKernel : struct, IActivationKernel where T : unmanaged, IFloatingPointIeee754<T> =>
        Map<TKernel, Value, T>(kernel, x, destination);

    /// <summary>destination[i] = f'(x[i]).</summary>
    public static void Derivative<TKernel, T>(TKernel kernel, ReadOnlySpan<T> x, Span<T> destination)
        where TKernel : struct, IActivationKernel where T : unmanaged, IFloatingPointIeee754<T> =>
        Map<TKernel, Slope, T>(kernel, x, destination);

    private static void Map<TKernel, TFunction, T>(TKernel kernel, ReadOnlySpan<T> x, Span<T> destination)
        where TKernel : struct, IActivationKernel where TFunction : IFunction where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSpans(x, destination, nameof(destination));
        if (!Vector512.IsHardwareAccelerated)
        {
            for (int j = 0; j < x.Length; j++) destination[j] = T.CreateTruncating(TFunction.Scalar(kernel, double.CreateTruncating(x[j])));
            return;
        }
        int lanes = Vector512<T>.Count;
        ref T xr = ref MemoryMarshal.GetReference(x);
        ref T yr = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= x.Length - lanes; i += lanes)
            Map<TKernel, TFunction, T>(kernel, Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        if (i < x.Length)
        {
            Span<T> pad = stackalloc T[lanes];
            pad.Clear();
            x[i..].CopyTo(pad);
            Map<TKernel, TFunction, T>(kernel, Vector512.Create<T>(pad)).CopyTo(pad);
            pad[..(x.Length - i)].CopyTo(destination[i..]);
        }
    }

    /// <summary>y[i] = f(x[i]) and dydx[i] = f'(x[i]) in one pass.</summary>
    public static void ApplyWithDerivative<TKernel, T>(TKernel kernel, ReadOnlySpan<T> x, Span<T> y, Span<T> dydx)
        where TKernel : struct, IActivationKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSpans(x, y, dydx);
        if (!Vector512.IsHardwareAccelerated)
        {
            for (int j = 0; j < x.Length; j++)
            {
                double v = double.CreateTruncating(x[j]);
                y[j] = T.CreateTruncating(kernel.Apply(v));
                dydx[j] = T.CreateTruncating(kernel.Derivative(v));
            }
            return;
        }
        int lanes = Vector512<T>.Count;
        ref T xr = ref MemoryMarshal.GetReference(x);
        ref T yr = ref MemoryMarshal.GetReference(y);
        ref T dr = ref MemoryMarshal.GetReference(dydx);
        int i = 0;
        for (; i <= x.Length - lanes; i += lanes)
        {
            var f = Fused(kernel, Vector512.LoadUnsafe(ref xr, (nuint)i), out var d);
            f.StoreUnsafe(ref yr, (nuint)i);
            d.StoreUnsafe(ref dr, (nuint)i);
        }
        if (i < x.Length)
        {
            Span<T> pad = stackalloc T[lanes];
            Span<T> padD = stackalloc T[lanes];
            pad.Clear();
            x[i..].CopyTo(pad);
            var f = Fused(kernel, Vector512.Create<T>(pad), out var d);
            f.CopyTo(pad);
            d.CopyTo(padD);
            pad[..(x.Length - i)].CopyTo(y[i..]);
            padD[..(x.Length - i)].CopyTo(dydx[i..]);
        }
    }

    /// <summary>One vector of f or f': doubles directly, floats widened to two double vectors and narrowed back once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Map<TKernel, TFunction, T>(TKernel kernel, Vector512<T> x)
        where TKernel : struct, IActivationKernel where TFunction : IFunction where T : unmanaged
    {
        if (typeof(T) == typeof(double)) return TFunction.Vector(kernel, x.As<T, double>()).As<double, T>();
        var (lower, upper) = Vector512.Widen(x.As<T, float>());
        return Vector512.Narrow(TFunction.Vector(kernel, lower), TFunction.Vector(kernel, upper)).As<float, T>();
    }

    /// <summary>One vector of f and f' together, widened and narrowed like <see cref="Map{TKernel, TFunction, T}(TKernel, Vector512{T})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fused<TKernel, T>(TKernel kernel, Vector512<T> x, out Vector512<T> derivative)
        where TKernel : struct, IActivationKernel where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            var f = kernel.Apply(x.As<T, double>(), out var d);
            derivative = d.As<double, T>();
            return f.As<double, T>();
        }
        var (lower, upper) = Vector512.Widen(x.As<T, float>());
        var fLower = kernel.Apply(lower, out var dLower);
        var fUpper = kernel.Apply(upper, out var dUpper);
        derivative = Vector512.Narrow(dLower, dUpper).As<float, T>();
        return Vector512.Narrow(fLower, fUpper).As<float, T>();
    }

    /// <summary>Same length, and the destination is either the input itself or apart from it.</summary>
    internal static void CheckSpans<T>(ReadOnlySpan<T> x, Span<T> destination, string destinationName)
    {
        if (x.Length != destination.Length)
            throw new ArgumentException(
                $"{destinationName} must be as long as the input ({x.Length}), but its length is {destination.Length}.", destinationName);
        if (x.Overlaps(destination, out int offset) && offset != 0)
            throw new ArgumentException(
                $"{destinationName} must be the input itself (in place) or not overlap it, but it overlaps it shifted by {offset} elements.",
                destinationName);
    }

    /// <summary>The fused form's checks: both outputs as long as x, each x itself or apart, and not sharing memory with each other.</summary>
    internal static void CheckSpans<T>(ReadOnlySpan<T> x, Span<T> y, Span<T> dydx)
    {
        CheckSpans(x, y, nameof(y));
        CheckSpans(x, dydx, nameof(dydx));
        if (x.Length > 0 && y.Overlaps(dydx))
            throw new ArgumentException("dydx must not overlap y: the values and the derivatives need separate storage.", nameof(dydx));
    }
}
