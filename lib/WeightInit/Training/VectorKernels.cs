using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WeightInit.Training;

/// <summary>An elementwise operation of up to three inputs, written once for a whole vector of lanes.</summary>
internal interface IVectorOperation
{
    /// <summary>The result for one vector of lanes of the three inputs.</summary>
    Vector<double> Invoke(Vector<double> a, Vector<double> b, Vector<double> c);
}

/// <summary>
/// The loop skeleton of the layers' elementwise passes (normalization, residual sums, diagnostics):
/// an operation is written once, on <see cref="Vector{T}"/>, and the tail shorter than a vector is
/// run through the same operation on a zero-padded copy, so every element gets the same IEEE
/// operations wherever it lies (no fused multiply-add). These passes are O(batch x width) beside the
/// layers' O(batch x width^2) products, so the platform's Vector&lt;T&gt; width is enough here; the
/// matrix products keep their own Vector512 kernels. (Kept small and internal so that the library's
/// shared SIMD kernel layer can take it over.)
/// </summary>
internal static class VectorKernels
{
    /// <summary>destination[i] = op(a[i], b[i], c[i]); an input an operation ignores may be any span of the same length.</summary>
    public static void Map<TOperation>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c,
        Span<double> destination, TOperation operation) where TOperation : struct, IVectorOperation
    {
        int n = destination.Length, width = Vector<double>.Count, i = 0;
        ref double ar = ref MemoryMarshal.GetReference(a);
        ref double br = ref MemoryMarshal.GetReference(b);
        ref double cr = ref MemoryMarshal.GetReference(c);
        ref double dr = ref MemoryMarshal.GetReference(destination);
        for (; i <= n - width; i += width)
        {
            var result = operation.Invoke(Load(ref ar, i), Load(ref br, i), Load(ref cr, i));
            Unsafe.WriteUnaligned(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref dr, i)), result);
        }
        if (i < n)
        {
            var tail = operation.Invoke(LoadTail(a, i), LoadTail(b, i), LoadTail(c, i));
            for (int j = 0; i + j < n; j++) destination[i + j] = tail[j];
        }
    }

    /// <summary>The sum over i of op(a[i], b[i], c[i]) (lane sums, then the lanes added in order).</summary>
    public static double Sum<TOperation>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c,
        TOperation operation) where TOperation : struct, IVectorOperation
    {
        int n = a.Length, width = Vector<double>.Count, i = 0;
        ref double ar = ref MemoryMarshal.GetReference(a);
        ref double br = ref MemoryMarshal.GetReference(b);
        ref double cr = ref MemoryMarshal.GetReference(c);
        var sum = Vector<double>.Zero;
        for (; i <= n - width; i += width)
            sum += operation.Invoke(Load(ref ar, i), Load(ref br, i), Load(ref cr, i));
        if (i < n)
        {
            // Padding lanes are zero inputs; the mask keeps whatever the operation makes of them out of the sum.
            var tail = operation.Invoke(LoadTail(a, i), LoadTail(b, i), LoadTail(c, i));
            sum += Vector.ConditionalSelect(TailMask(n - i), tail, Vector<double>.Zero);
        }
        double total = 0;
        for (int lane = 0; lane < width; lane++) total += sum[lane];
        return total;
    }

    private static Vector<double> Load(ref double start, int offset) =>
        Unsafe.ReadUnaligned<Vector<double>>(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref start, offset)));

    private static Vector<double> LoadTail(ReadOnlySpan<double> x, int start)
    {
        Span<double> padded = stackalloc double[Vector<double>.Count];
        padded.Clear();
        int available = Math.Min(padded.Length, x.Length - start);
        if (available > 0) x.Slice(start, available).CopyTo(padded);
        return new Vector<double>(padded);
    }

    private static Vector<double> TailMask(int count)
    {
        Span<long> bits = stackalloc long[Vector<double>.Count];
        for (int lane = 0; lane < bits.Length; lane++) bits[lane] = lane < count ? -1L : 0L;
        return Vector.AsVectorDouble(new Vector<long>(bits));
    }
}
