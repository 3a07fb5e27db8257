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
/// The span loops shared by every activation: full vectors, then the tail through the same vector code
/// on a padded copy (so a value's result does not depend on where it sits in the span). float spans are
/// widened to double, computed, and rounded back once. Without AVX-512 the loops are scalar.
/// </summary>
internal static class ActivationKernel
{
    private static readonly int DoubleLanes = Vector512<double>.Count;
    private static readonly int FloatLanes = Vector512<float>.Count;

    public static void Apply<TKernel>(TKernel kernel, ReadOnlySpan<double> x, Span<double> destination)
        where TKernel : struct, IActivationKernel
    {
        CheckSpans(x, destination, nameof(destination));
        if (!Vector512.IsHardwareAccelerated)
        {
            for (int j = 0; j < x.Length; j++) destination[j] = kernel.Apply(x[j]);
            return;
        }
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= x.Length - DoubleLanes; i += DoubleLanes)
            kernel.Apply(Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        if (i < x.Length)
        {
            Span<double> pad = stackalloc double[DoubleLanes];
            pad.Clear();
            x[i..].CopyTo(pad);
            kernel.Apply(Vector512.Create<double>(pad)).CopyTo(pad);
            pad[..(x.Length - i)].CopyTo(destination[i..]);
        }
    }

    public static void Derivative<TKernel>(TKernel kernel, ReadOnlySpan<double> x, Span<double> destination)
        where TKernel : struct, IActivationKernel
    {
        CheckSpans(x, destination, nameof(destination));
        if (!Vector512.IsHardwareAccelerated)
        {
            for (int j = 0; j < x.Length; j++) destination[j] = kernel.Derivative(x[j]);
            return;
        }
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= x.Length - DoubleLanes; i += DoubleLanes)
            kernel.Derivative(Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        if (i < x.Length)
        {
            Span<double> pad = stackalloc double[DoubleLanes];
            pad.Clear();
            x[i..].CopyTo(pad);
            kernel.Derivative(Vector512.Create<double>(pad)).CopyTo(pad);
            pad[..(x.Length - i)].CopyTo(destination[i..]);
        }
    }

    public static void ApplyWithDerivative<TKernel>(TKernel kernel, ReadOnlySpan<double> x, Span<double> y, Span<double> dydx)
        where TKernel : struct, IActivationKernel
    {
        CheckSpans(x, y, dydx);
        if (!Vector512.IsHardwareAccelerated)
        {
            for (int j = 0; j < x.Length; j++)
            {
                double v = x[j];
                y[j] = kernel.Apply(v);
                dydx[j] = kernel.Derivative(v);
            }
            return;
        }
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        ref double dr = ref MemoryMarshal.GetReference(dydx);
        int i = 0;
        for (; i <= x.Length - DoubleLanes; i += DoubleLanes)
        {
            var f = kernel.Apply(Vector512.LoadUnsafe(ref xr, (nuint)i), out var d);
            f.StoreUnsafe(ref yr, (nuint)i);
            d.StoreUnsafe(ref dr, (nuint)i);
        }
        if (i < x.Length)
        {
            Span<double> pad = stackalloc double[DoubleLanes];
            Span<double> padD = stackalloc double[DoubleLanes];
            pad.Clear();
            x[i..].CopyTo(pad);
            var f = kernel.Apply(Vector512.Create<double>(pad), out var d);
            f.CopyTo(pad);
            d.CopyTo(padD);
            pad[..(x.Length - i)].CopyTo(y[i..]);
            padD[..(x.Length - i)].CopyTo(dydx[i..]);
        }
    }

    public static void Apply<TKernel>(TKernel kernel, ReadOnlySpan<float> x, Span<float> destination)
        where TKernel : struct, IActivationKernel
    {
        CheckSpans(x, destination, nameof(destination));
        if (!Vector512.IsHardwareAccelerated)
        {
            for (int j = 0; j < x.Length; j++) destination[j] = (float)kernel.Apply(x[j]);
            return;
        }
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= x.Length - FloatLanes; i += FloatLanes)
            ApplyFloats(kernel, Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        if (i < x.Length)
        {
            Span<float> pad = stackalloc float[FloatLanes];
            pad.Clear();
            x[i..].CopyTo(pad);
            ApplyFloats(kernel, Vector512.Create<float>(pad)).CopyTo(pad);
            pad[..(x.Length - i)].CopyTo(destination[i..]);
        }
    }

    public static void Derivative<TKernel>(TKernel kernel, ReadOnlySpan<float> x, Span<float> destination)
        where TKernel : struct, IActivationKernel
    {
        CheckSpans(x, destination, nameof(destination));
        if (!Vector512.IsHardwareAccelerated)
        {
            for (int j = 0; j < x.Length; j++) destination[j] = (float)kernel.Derivative(x[j]);
            return;
        }
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= x.Length - FloatLanes; i += FloatLanes)
            DerivativeFloats(kernel, Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        if (i < x.Length)
        {
            Span<float> pad = stackalloc float[FloatLanes];
            pad.Clear();
            x[i..].CopyTo(pad);
            DerivativeFloats(kernel, Vector512.Create<float>(pad)).CopyTo(pad);
            pad[..(x.Length - i)].CopyTo(destination[i..]);
        }
    }

    public static void ApplyWithDerivative<TKernel>(TKernel kernel, ReadOnlySpan<float> x, Span<float> y, Span<float> dydx)
        where TKernel : struct, IActivationKernel
    {
        CheckSpans(x, y, dydx);
        if (!Vector512.IsHardwareAccelerated)
        {
            for (int j = 0; j < x.Length; j++)
            {
                double v = x[j];
                y[j] = (float)kernel.Apply(v);
                dydx[j] = (float)kernel.Derivative(v);
            }
            return;
        }
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        ref float dr = ref MemoryMarshal.GetReference(dydx);
        int i = 0;
        for (; i <= x.Length - FloatLanes; i += FloatLanes)
        {
            var f = ApplyWithDerivativeFloats(kernel, Vector512.LoadUnsafe(ref xr, (nuint)i), out var d);
            f.StoreUnsafe(ref yr, (nuint)i);
            d.StoreUnsafe(ref dr, (nuint)i);
        }
        if (i < x.Length)
        {
            Span<float> pad = stackalloc float[FloatLanes];
            Span<float> padD = stackalloc float[FloatLanes];
            pad.Clear();
            x[i..].CopyTo(pad);
            var f = ApplyWithDerivativeFloats(kernel, Vector512.Create<float>(pad), out var d);
            f.CopyTo(pad);
            d.CopyTo(padD);
            pad[..(x.Length - i)].CopyTo(y[i..]);
            padD[..(x.Length - i)].CopyTo(dydx[i..]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ApplyFloats<TKernel>(TKernel kernel, Vector512<float> x) where TKernel : struct, IActivationKernel
    {
        var (lower, upper) = Vector512.Widen(x);
        return Vector512.Narrow(kernel.Apply(lower), kernel.Apply(upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> DerivativeFloats<TKernel>(TKernel kernel, Vector512<float> x) where TKernel : struct, IActivationKernel
    {
        var (lower, upper) = Vector512.Widen(x);
        return Vector512.Narrow(kernel.Derivative(lower), kernel.Derivative(upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ApplyWithDerivativeFloats<TKernel>(TKernel kernel, Vector512<float> x, out Vector512<float> derivative)
        where TKernel : struct, IActivationKernel
    {
        var (lower, upper) = Vector512.Widen(x);
        var fLower = kernel.Apply(lower, out var dLower);
        var fUpper = kernel.Apply(upper, out var dUpper);
        derivative = Vector512.Narrow(dLower, dUpper);
        return Vector512.Narrow(fLower, fUpper);
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
