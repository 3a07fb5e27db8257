using System.Runtime.CompilerServices;

namespace WeightInit.Kernels;

/// <summary>
/// The library's one reduction driver: runs an <see cref="IReduceOperator"/> over float or double spans into
/// <em>virtual lanes</em>, a fixed number L (8 or 16) of running sums, sum j taking the elements i = j mod L in
/// order. L does not depend on the width (a Vector512 of doubles holds 8 of them, a Vector128 2, the scalar path
/// 1), so the sums, and whatever a caller combines from them in a fixed order, are the same bits on every path.
/// </summary>
/// <remarks>
/// <para>The elements after the last full group of L are left to the caller (<see cref="LaneSums{TOp, T}"/> returns
/// where it stopped), who adds them in its own fixed order with <see cref="AccumulateElement{TOp, T}"/>, the same
/// operation on one lane.</para>
/// <para>Two complete drivers fix that order for the common cases: <see cref="Sum{TOp, T}"/>, the sum of a map
/// operation's values (a plain sum, a dot product, a sum of squared deviations), and <see cref="SumRows"/>, the
/// column sums of a row-major matrix.</para>
/// </remarks>
internal static unsafe class SimdReduce
{
    /// <summary>
    /// Accumulates the elements [0, L floor(length / L)) of the inputs into <paramref name="sums0"/> and
    /// <paramref name="sums1"/> (L = their length, 8 or 16; each starts from 0) and returns L floor(length / L).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int LaneSums<TOp, T>(TOp op, ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c, int length,
        Span<double> sums0, Span<double> sums1, SimdPath path = SimdPath.Auto) where TOp : struct,
            IReduceOperator where T : unmanaged
    {
        int lanes = sums0.Length;
        if (lanes is not (8 or 16) || sums1.Length != lanes)
            throw new ArgumentException("sums0 and sums1 must both hold 8 or 16 virtual lanes.", nameof(sums0));
        sums0.Clear();
        sums1.Clear();
        int end = length / lanes * lanes;
        if (end == 0) return 0;
        fixed (T* pa = a, pb = b, pc = c)
        fixed (double* s0 = sums0, s1 = sums1)
        {
            var body = new Body<TOp, T>(op, pa, pb, pc, end, lanes, s0, s1);
            SimdDispatch.Run<double, Body<TOp, T>>(path, ref body);
        }
        return end;
    }

    /// <summary>Adds element <paramref name="index"/> into the scalar sums (the operation on one lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AccumulateElement<TOp,
        T>(TOp op, ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c, int index,
        ref double sum0, ref double sum1) where TOp : struct, IReduceOperator where T : unmanaged
    {
        var s0 = new Lane<double>(sum0);
        var s1 = new Lane<double>(sum1);
        op.Accumulate(ref s0, ref s1, Element(a, index), TOp.Inputs > 1 ? Element(b, index) : default, TOp.Inputs > 2
            ? Element(c, index) : default);
        sum0 = s0.Value;
        sum1 = s1.Value;
    }

    private static Lane<double> Element<T>(ReadOnlySpan<T> span, int index) where T : unmanaged
    {
        T value = span[index];
        return new(typeof(T) == typeof(double) ? Unsafe.As<T, double>(ref value) : Unsafe.As<T, float>(ref value));
    }

    /// <summary>The virtual lanes of <see cref="Sum{TOp, T}"/>: two registers of four doubles.</summary>
    private const int SumLanes = 8;

    /// <summary>
    /// The sum over i of op(a[i], b[i], c[i]) (the operator's first output) in one fixed order, the same bits on every
    /// path: with q = n - n mod 4, the elements before q go to eight virtual lanes (lane j takes i = j mod 8), folded
    /// to four as s_j = lane j + lane j + 4; the rest are added to s_(i mod 4); the result is
    /// (s_0 + s_1) + (s_2 + s_3).
    /// The layers' row sums (layer normalization's mean and variance, the residual scale's gradient) and the
    /// diagnostics' counts use it. n is the length of <paramref name="a"/>; inputs the operation does not read may be
    /// empty.
    /// </summary>
    /// <typeparam name="TOp">The operation whose first output is summed.</typeparam>
    /// <typeparam name="T">The element type of the inputs, float or double.</typeparam>
    public static double Sum<TOp, T>(TOp op, ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c,
        SimdPath path = SimdPath.Auto) where TOp : struct, IMapOperator where T : unmanaged
    {
        var sum = new SumOf<TOp>(op);
        Span<double> buffer = stackalloc double[2 * SumLanes];
        var lanes = buffer[..SumLanes];
        int n = a.Length, quads = n - n % 4;
        int i = LaneSums(sum, a, b, c, n, lanes, buffer[SumLanes..], path);
        double unused = 0;
        for (; i < quads; i++) AccumulateElement(sum, a, b, c, i, ref lanes[i % SumLanes], ref unused);
        Span<double> folded = stackalloc double[4];
        for (int j = 0; j < 4; j++) folded[j] = lanes[j] + lanes[j + 4];
        for (; i < n; i++) AccumulateElement(sum, a, b, c, i, ref folded[i % 4], ref unused);
        return (folded[0] + folded[1]) + (folded[2] + folded[3]);
    }

    /// <summary>
    /// sums[j] = the sum over r of matrix[r, j] for a row-major matrix of <paramref name="rows"/> rows of
    /// sums.Length values, the rows added in order 0, 1, ... (each column's sum in that fixed order, so the same bits
    /// on every path): the gradient of a bias or shift shared by the rows of a batch.
    /// </summary>
    public static void SumRows(ReadOnlySpan<double> matrix, int rows, Span<double> sums, SimdPath path = SimdPath.Auto)
    {
        int columns = sums.Length;
        sums.Clear();
        for (int r = 0; r < rows; r++)
            SimdMap.Run(new AddOperator(), sums, matrix.Slice(r * columns, columns), default, sums, path);
    }

    /// <summary>sum0 += op(a, b, c) (the map operation's first output), for <see cref="Sum{TOp, T}"/>.</summary>
    private readonly struct SumOf<TOp>(TOp op) : IReduceOperator where TOp : struct, IMapOperator
    {
        public static int Inputs => TOp.Inputs;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Accumulate<TV>(ref TV sum0, ref TV sum1, TV a, TV b, TV c)
            where TV : struct, ISimdVector<TV, double> => sum0 += op.Invoke(a, b, c);
    }

    private readonly struct Body<TOp, T>(TOp op, T* a, T* b, T* c, int end, int lanes, double* sums0, double* sums1)
        : ISimdAction<double>
        where TOp : struct, IReduceOperator where T : unmanaged
    {
        public void Run<TV>() where TV : struct, ISimdVector<TV, double>
        {
            if (lanes / TV.Count > 8) InMemory<TV>(op, a, b, c, end, lanes, sums0, sums1);
            else if (lanes == 8) InRegisters<TV, Groups8>(op, a, b, c, end, sums0, sums1);
            else InRegisters<TV, Groups16>(op, a, b, c, end, sums0, sums1);
        }

        /// <summary>Up to 8 registers of running sums per output, named locals so that they stay in
        /// registers.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void InRegisters<TV, TLanes>(TOp op, T* a, T* b, T* c, int end, double* sums0, double* sums1)
            where TV : struct, ISimdVector<TV, double> where TLanes : struct, IVirtualLanes
        {
            int w = TV.Count, groups = TLanes.Count / w;
            TV a0 = TV.Zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            TV b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0, b6 = a0, b7 = a0;
            for (int i = 0; i < end; i += TLanes.Count)
            {
                Step(op, ref a0, ref b0, a, b, c, i);
                if (groups > 1) Step(op, ref a1, ref b1, a, b, c, i + w);
                if (groups > 2) Step(op, ref a2, ref b2, a, b, c, i + 2 * w);
                if (groups > 3) Step(op, ref a3, ref b3, a, b, c, i + 3 * w);
                if (groups > 4) Step(op, ref a4, ref b4, a, b, c, i + 4 * w);
                if (groups > 5) Step(op, ref a5, ref b5, a, b, c, i + 5 * w);
                if (groups > 6) Step(op, ref a6, ref b6, a, b, c, i + 6 * w);
                if (groups > 7) Step(op, ref a7, ref b7, a, b, c, i + 7 * w);
            }
            Save(a0, b0, sums0, sums1, 0);
            if (groups > 1) Save(a1, b1, sums0, sums1, w);
            if (groups > 2) Save(a2, b2, sums0, sums1, 2 * w);
            if (groups > 3) Save(a3, b3, sums0, sums1, 3 * w);
            if (groups > 4) Save(a4, b4, sums0, sums1, 4 * w);
            if (groups > 5) Save(a5, b5, sums0, sums1, 5 * w);
            if (groups > 6) Save(a6, b6, sums0, sums1, 6 * w);
            if (groups > 7) Save(a7, b7, sums0, sums1, 7 * w);
        }

        /// <summary>More groups than registers (the scalar path with 16 lanes): the running sums live in
        /// memory.</summary>
        private static void InMemory<TV>(TOp op, T* a, T* b, T* c, int end, int lanes, double* sums0, double* sums1)
            where TV : struct, ISimdVector<TV, double>
        {
            int w = TV.Count, groups = lanes / w;
            var s0 = new TV[groups];
            var s1 = new TV[groups];
            for (int i = 0; i < end; i += lanes)
                for (int g = 0; g < groups; g++) Step(op, ref s0[g], ref s1[g], a, b, c, i + g * w);
            for (int g = 0; g < groups; g++) Save(s0[g], s1[g], sums0, sums1, g * w);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Step<TV>(TOp op, ref TV sum0, ref TV sum1, T* a, T* b, T* c, int i)
            where TV : struct, ISimdVector<TV, double>
        {
            TV x = SimdMap.Load<TV, T>(a + i);
            TV y = TOp.Inputs > 1 ? SimdMap.Load<TV, T>(b + i) : TV.Zero;
            TV z = TOp.Inputs > 2 ? SimdMap.Load<TV, T>(c + i) : TV.Zero;
            op.Accumulate(ref sum0, ref sum1, x, y, z);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Save<TV>(TV sum0, TV sum1, double* sums0, double* sums1, int offset)
            where TV : struct, ISimdVector<TV, double>
        {
            TV.Store(sum0, sums0 + offset);
            TV.Store(sum1, sums1 + offset);
        }
    }

    /// <summary>The number of virtual lanes as a type, so that the JIT folds the group tests.</summary>
    private interface IVirtualLanes { static abstract int Count { get; } }

    private struct Groups8 : IVirtualLanes { public static int Count => 8; }

    private struct Groups16 : IVirtualLanes { public static int Count => 16; }
}
