using System.Runtime.CompilerServices;

namespace WeightInit.Kernels;

/// <summary>
/// The library's one elementwise span driver: runs an <see cref="IMapOperator"/> over float or double spans at the
/// width of a <see cref="SimdPath"/>, in double (float inputs are widened exactly, float outputs rounded once).
/// Full registers first, then the tail shorter than a register through the same operation on a zero-padded copy,
/// so that every element gets the same operations wherever it lies and whatever the width.
/// </summary>
/// <remarks>Outputs may be the inputs themselves (in place, at the same positions); otherwise they must not overlap
/// them.</remarks>
internal static unsafe class SimdMap
{
    /// <summary>destination[i] = op(a[i], b[i], c[i]) for i &lt; destination.Length; inputs the operation does not
    /// read may be empty.</summary>
    /// <typeparam name="TOp">The operation.</typeparam>
    /// <typeparam name="TIn">The element type of the inputs, float or double.</typeparam>
    /// <typeparam name="TOut">The element type of the output, float or double.</typeparam>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TOp, TIn, TOut>(TOp op, ReadOnlySpan<TIn> a, ReadOnlySpan<TIn> b, ReadOnlySpan<TIn> c,
        Span<TOut> destination, SimdPath path = SimdPath.Auto)
        where TOp : struct, IMapOperator where TIn : unmanaged where TOut : unmanaged =>
        Run(new OneOutput<TOp>(op), a, b, c, destination, default, path);

    /// <summary>first[i], second[i] = op(a[i], b[i], c[i]) for i &lt; first.Length; inputs the operation does not
    /// read may be empty.</summary>
    /// <typeparam name="TOp">The operation.</typeparam>
    /// <typeparam name="TIn">The element type of the inputs, float or double.</typeparam>
    /// <typeparam name="TOut">The element type of the outputs, float or double.</typeparam>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TOp, TIn, TOut>(TOp op, ReadOnlySpan<TIn> a, ReadOnlySpan<TIn> b, ReadOnlySpan<TIn> c,
        Span<TOut> first, Span<TOut> second, SimdPath path = SimdPath.Auto)
        where TOp : struct, IPairMapOperator where TIn : unmanaged where TOut : unmanaged
    {
        int n = first.Length;
        if (n == 0) return;
        fixed (TIn* pa = a, pb = b, pc = c)
        fixed (TOut* p0 = first, p1 = second)
        {
            var body = new Body<TOp, TIn, TOut>(op, pa, pb, pc, p0, p1, n);
            SimdDispatch.Run<double, Body<TOp, TIn, TOut>>(path, ref body);
        }
    }

    /// <summary>A one-output operation as the driver's two-output shape, whose second output is never stored.</summary>
    private readonly struct OneOutput<TOp>(TOp op) : IPairMapOperator where TOp : struct, IMapOperator
    {
        public static int Inputs => TOp.Inputs;
        public static int Outputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c, out TV second) where TV : struct, ISimdVector<TV, double>
        {
            second = default;
            return op.Invoke(a, b, c);
        }
    }

    /// <summary>Loads one register of doubles from T storage.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Load<TV, T>(T* source) where TV : struct, ISimdVector<TV, double> where T : unmanaged =>
        typeof(T) == typeof(double) ? TV.Load((double*)source) : TV.LoadWidened((float*)source);

    /// <summary>Stores one register of doubles to T storage (rounded once for float).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Store<TV, T>(TV value, T* destination) where TV : struct, ISimdVector<TV, double>
        where T : unmanaged
    {
        if (typeof(T) == typeof(double)) TV.Store(value, (double*)destination);
        else TV.StoreNarrowed(value, (float*)destination);
    }

    private readonly struct Body<TOp, TIn, TOut>(TOp op, TIn* a, TIn* b, TIn* c, TOut* first, TOut* second, int n)
        : ISimdAction<double>
        where TOp : struct, IPairMapOperator where TIn : unmanaged where TOut : unmanaged
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Run<TV>() where TV : struct, ISimdVector<TV, double>
        {
            int count = n - n % TV.Count;
            Loop<TV>(op, a, b, c, first, second, count);
            if (count < n) Tail<TV>(count);
        }

        // The loop alone, on arguments rather than fields, so that the JIT keeps the pointers and the operation's
        // constants in registers (it cannot prove that the stores leave the fields alone).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Loop<TV>(TOp op, TIn* a, TIn* b, TIn* c, TOut* first, TOut* second, int count)
            where TV : struct, ISimdVector<TV, double>
        {
            int width = TV.Count;
            for (int i = 0; i < count; i += width)
            {
                TV x = Load<TV, TIn>(a + i);
                TV y = TOp.Inputs > 1 ? Load<TV, TIn>(b + i) : TV.Zero;
                TV z = TOp.Inputs > 2 ? Load<TV, TIn>(c + i) : TV.Zero;
                TV r0 = op.Invoke(x, y, z, out TV r1);
                Store(r0, first + i);
                if (TOp.Outputs > 1) Store(r1, second + i);
            }
        }

        /// <summary>The last n - start (&lt; one register) elements through a zero-padded register.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Tail<TV>(int start) where TV : struct, ISimdVector<TV, double>
        {
            int count = n - start;
            double* pad = stackalloc double[5 * 8];
            new Span<double>(pad, 5 * 8).Clear();
            for (int j = 0; j < count; j++)
            {
                pad[j] = ToDouble(a[start + j]);
                if (TOp.Inputs > 1) pad[8 + j] = ToDouble(b[start + j]);
                if (TOp.Inputs > 2) pad[16 + j] = ToDouble(c[start + j]);
            }
            TV r0 = op.Invoke(TV.Load(pad), TV.Load(pad + 8), TV.Load(pad + 16), out TV r1);
            TV.Store(r0, pad + 24);
            if (TOp.Outputs > 1) TV.Store(r1, pad + 32);
            for (int j = 0; j < count; j++)
            {
                first[start + j] = FromDouble(pad[24 + j]);
                if (TOp.Outputs > 1) second[start + j] = FromDouble(pad[32 + j]);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double ToDouble(TIn value) =>
            typeof(TIn) == typeof(double) ? Unsafe.As<TIn, double>(ref value) : Unsafe.As<TIn, float>(ref value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TOut FromDouble(double value)
        {
            if (typeof(TOut) == typeof(double)) return Unsafe.As<double, TOut>(ref value);
            float f = (float)value;
            return Unsafe.As<float, TOut>(ref f);
        }
    }
}
