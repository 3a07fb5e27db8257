using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Training;

/// <summary>An elementwise operation of up to three double inputs, written once for registers of any width.</summary>
internal interface IVectorOperation
{
    /// <summary>How many of the inputs a, b, c the operation reads (1 to 3).</summary>
    static abstract int Inputs { get; }

    /// <summary>The result for one register of each input.</summary>
    TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double>;
}

/// <summary>
/// The layers' elementwise passes (normalization, residual sums, optimizers, diagnostics) on the library's kernel
/// layer: <see cref="Map{TOperation}"/> runs on <see cref="SimdMap"/>, the sums on <see cref="SimdReduce"/>. No
/// operation uses a fused multiply-add, so a lane gives the same bits as the scalar expression, at any position and
/// on every width; the sums have one fixed order (<see cref="Sum{TOperation}"/>), so they too are the same bits on
/// every path.
/// </summary>
internal static class VectorKernels
{
    /// <summary>The virtual lanes of the sums: two registers of four doubles, the order these sums have always had.</summary>
    private const int SumLanes = 8;

    /// <summary>destination[i] = op(a[i], b[i], c[i]); an input an operation ignores may be any span of the same length.</summary>
    public static void Map<TOperation>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c,
        Span<double> destination, TOperation operation, SimdPath path = SimdPath.Auto) where TOperation : struct, IVectorOperation =>
        SimdMap.Run(new Single<TOperation>(operation), a, b, c, destination, default, path);

    /// <summary>
    /// The sum over i of op(a[i], b[i], c[i]) in a fixed order: with q = n - n mod 4, the elements before q go to eight
    /// virtual lanes (lane j takes i = j mod 8), folded to four as s_j = lane j + lane j + 4; the rest are added to
    /// s_(i mod 4); the result is (s_0 + s_1) + (s_2 + s_3).
    /// </summary>
    public static double Sum<TOperation>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c,
        TOperation operation, SimdPath path = SimdPath.Auto) where TOperation : struct, IVectorOperation
    {
        var op = new SumOf<TOperation>(operation);
        Span<double> buffer = stackalloc double[2 * SumLanes];
        var lanes = buffer[..SumLanes];
        int n = a.Length, quads = n - n % 4;
        int i = SimdReduce.LaneSums(op, a, b, c, n, lanes, buffer[SumLanes..], path);
        double unused = 0;
        for (; i < quads; i++) SimdReduce.AccumulateElement(op, a, b, c, i, ref lanes[i % SumLanes], ref unused);
        Span<double> folded = stackalloc double[4];
        for (int j = 0; j < 4; j++) folded[j] = lanes[j] + lanes[j + 4];
        for (; i < n; i++) SimdReduce.AccumulateElement(op, a, b, c, i, ref folded[i % 4], ref unused);
        return (folded[0] + folded[1]) + (folded[2] + folded[3]);
    }

    /// <summary>
    /// The sum and the sum of squares of x in one pass, in a fixed order: the elements before the last multiple of 8 go
    /// to eight virtual lanes (x and x*x, added), folded as ((l0 + l4) + (l1 + l5)) + ((l2 + l6) + (l3 + l7)); the rest
    /// are added one by one.
    /// </summary>
    public static (double Sum, double SumOfSquares) SumAndSumOfSquares(ReadOnlySpan<double> x, SimdPath path = SimdPath.Auto)
    {
        Span<double> buffer = stackalloc double[2 * SumLanes];
        var sums = buffer[..SumLanes];
        var squares = buffer[SumLanes..];
        var op = new SumAndSquare();
        int i = SimdReduce.LaneSums(op, x, default, default, x.Length, sums, squares, path);
        double sum = Fold(sums), sumOfSquares = Fold(squares);
        for (; i < x.Length; i++) SimdReduce.AccumulateElement(op, x, default, default, i, ref sum, ref sumOfSquares);
        return (sum, sumOfSquares);
    }

    private static double Fold(ReadOnlySpan<double> lanes) => (lanes[0] + lanes[4] + (lanes[1] + lanes[5])) + (lanes[2] + lanes[6] + (lanes[3] + lanes[7]));

    /// <summary>The smallest and the largest value and whether all are finite, in one vectorized pass (min and max of the finite values).</summary>
    public static (double Min, double Max, bool AllFinite) Range(ReadOnlySpan<double> x, SimdPath path = SimdPath.Auto)
    {
        var (count, min, max) = FiniteRange.Of(x, path);
        return (min, max, count == x.Length);
    }

    /// <summary>A one-output operation as a map operator.</summary>
    private readonly struct Single<TOperation>(TOperation operation) : IMapOperator where TOperation : struct, IVectorOperation
    {
        public static int Inputs => TOperation.Inputs;
        public static int Outputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c, out TV second) where TV : struct, ISimdVector<TV, double>
        {
            second = default;
            return operation.Invoke(a, b, c);
        }
    }

    /// <summary>sum0 += op(a, b, c).</summary>
    private readonly struct SumOf<TOperation>(TOperation operation) : IReduceOperator where TOperation : struct, IVectorOperation
    {
        public static int Inputs => TOperation.Inputs;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Accumulate<TV>(ref TV sum0, ref TV sum1, TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double> =>
            sum0 += operation.Invoke(a, b, c);
    }

    /// <summary>sum0 += a; sum1 += a * a (a multiply, then an add).</summary>
    private readonly struct SumAndSquare : IReduceOperator
    {
        public static int Inputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Accumulate<TV>(ref TV sum0, ref TV sum1, TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double>
        {
            sum0 += a;
            sum1 += a * a;
        }
    }
}
