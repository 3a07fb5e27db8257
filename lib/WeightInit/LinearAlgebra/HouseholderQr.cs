using WeightInit.Kernels;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// The thin QR decomposition X = Q R of a tall matrix (m &gt;= n) by Householder reflections, blocked with the compact
/// WY representation (R. Schreiber and C. Van Loan, 1989, "A storage-efficient WY representation for products of
/// Householder transformations"): each panel of <see cref="PanelWidth"/> columns is factored column by column, its
/// reflectors H_1 ... H_b are gathered as I - V T V^T (T upper triangular), and the rest of the matrix is updated
/// with three matrix products (<see cref="MatrixMultiply"/>), where almost all of the work is. Q is then formed by
/// applying the panels to [I; 0] in reverse order, again by matrix products.
/// </summary>
/// <remarks>
/// Reflector convention of LAPACK's dlarfg: H = I - tau v v^T with v_0 = 1, chosen so that H x = (beta, 0, ..., 0)
/// with beta = -sign(x_0) ||x||. <see cref="OrthonormalColumns"/> then multiplies column j of Q by sign(R_jj) (1 when
/// R_jj = 0), the normalization of Mezzadri (2007) and of PyTorch's <c>orthogonal_</c>: Q becomes the unique
/// orthogonal factor whose R has a non-negative diagonal, so it does not depend on the convention.
/// </remarks>
internal static class HouseholderQr
{
    /// <summary>Columns per panel of the blocked factorization.</summary>
    internal const int PanelWidth = 32;

    /// <summary>
    /// Q of X = Q R with diag(R) &gt;= 0, for X m x n (m &gt;= n &gt;= 1) stored column-major (column j at x[j m ..]),
    /// returned column-major (m x n). <paramref name="x"/> is overwritten (by the reflectors and R).
    /// </summary>
    public static double[] OrthonormalColumns(double[] x, int m, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(m, n);
        var tau = new double[n];
        var diagonal = new double[n];
        var panels = new List<(int Start, double[] Vt, double[] T)>();
        for (int j0 = 0; j0 < n; j0 += PanelWidth)
        {
            int nb = Math.Min(PanelWidth, n - j0), mm = m - j0;
            FactorPanel(x, m, j0, nb, tau, diagonal);
            var vt = ReflectorRows(x, m, j0, nb);
            var t = TriangularFactor(vt, mm, nb, tau.AsSpan(j0, nb));
            panels.Add((j0, vt, t));
            int rest = n - j0 - nb;
            if (rest > 0) ApplyTransposed(x, m, j0, j0 + nb, rest, vt, t, nb);
        }
        // Q = H_1 ... H_n [I; 0], panel by panel from the last; columns before a panel are still unit vectors there.
        var q = new double[m * n];
        for (int j = 0; j < n; j++) q[j * m + j] = 1;
        for (int p = panels.Count - 1; p >= 0; p--)
        {
            var (j0, vt, t) = panels[p];
            Apply(q, m, j0, n - j0, vt, t, Math.Min(PanelWidth, n - j0));
        }
        for (int j = 0; j < n; j++)
            if (diagonal[j] < 0)
                foreach (ref double v in q.AsSpan(j * m, m)) v = -v;
        return q;
    }

    /// <summary>Householder reflectors of columns j0 .. j0+nb-1 (rows from j0), each applied at once to the rest of the
    /// panel.</summary>
    private static void FactorPanel(double[] x, int m, int j0, int nb, double[] tau, double[] diagonal)
    {
        for (int j = j0; j < j0 + nb; j++)
        {
            var column = x.AsSpan(j * m + j, m - j);
            double alpha = column[0];
            double tail = Dot(column[1..], column[1..]);
            if (tail == 0)
            {
                tau[j] = 0;
                diagonal[j] = alpha;
                continue;
            }
            double beta = -Math.CopySign(Math.Sqrt(alpha * alpha + tail), alpha);
            tau[j] = (beta - alpha) / beta;
            double scale = 1 / (alpha - beta);
            foreach (ref double v in column[1..]) v *= scale;
            column[0] = 1; // v_0, restored to beta below
            for (int c = j + 1; c < j0 + nb; c++)
            {
                var target = x.AsSpan(c * m + j, m - j);
                double w = tau[j] * Dot(column, target);
                for (int i = 0; i < target.Length; i++) target[i] = Math.FusedMultiplyAdd(-w, column[i], target[i]);
            }
            column[0] = beta;
            diagonal[j] = beta;
        }
    }

    /// <summary>V^T of a panel, nb x (m - j0) row-major: row r is reflector r (zeros before its 1).</summary>
    private static double[] ReflectorRows(double[] x, int m, int j0, int nb)
    {
        int mm = m - j0;
        var vt = new double[nb * mm];
        for (int r = 0; r < nb; r++)
        {
            vt[r * mm + r] = 1;
            x.AsSpan((j0 + r) * m + j0 + r + 1, mm - r - 1).CopyTo(vt.AsSpan(r * mm + r + 1));
        }
        return vt;
    }

    /// <summary>T (nb x nb upper triangular, row-major) with H_1 ... H_nb = I - V T V^T: T_ii = tau_i, T[0..i, i] =
    /// -tau_i T[0..i, 0..i] V[:, 0..i]^T v_i.</summary>
    private static double[] TriangularFactor(double[] vt, int mm, int nb, ReadOnlySpan<double> tau)
    {
        var t = new double[nb * nb];
        var y = new double[nb];
        for (int i = 0; i < nb; i++)
        {
            var vi = vt.AsSpan(i * mm, mm);
            for (int r = 0; r < i; r++) y[r] = Dot(vt.AsSpan(r * mm, mm), vi);
            for (int r = 0; r < i; r++)
            {
                double s = 0;
                for (int c = r; c < i; c++) s += t[r * nb + c] * y[c];
                t[r * nb + i] = -tau[i] * s;
            }
            t[i * nb + i] = tau[i];
        }
        return t;
    }

    /// <summary>X[j0.., c0 .. c0+count) &lt;- (I - V T V^T)^T X[j0.., c0 .. c0+count) (Q^T applied to the trailing
    /// columns).</summary>
    private static void ApplyTransposed(double[] x, int m, int j0, int c0, int count, double[] vt, double[] t,
        int nb) =>
        Update(x, m, j0, c0, count, vt, t, nb, transposeT: true);

    /// <summary>Q[j0.., j0 .. j0+count) &lt;- (I - V T V^T) Q[j0.., j0 .. j0+count).</summary>
    private static void Apply(double[] q, int m, int j0, int count, double[] vt, double[] t, int nb) =>
        Update(q, m, j0, j0, count, vt, t, nb, transposeT: false);

    /// <summary>
    /// Y &lt;- Y - V op(T) (V^T Y) for the columns c0 .. c0+count of a column-major m-row matrix, rows j0 .. m-1, with
    /// op(T) = T^T (applying Q^T) or T (applying Q). Y^T is gathered row-major, so that each product is one call:
    /// W^T = Y^T V, W'^T = W^T op(T)^T, Y^T -= W'^T V^T.
    /// </summary>
    private static void Update(double[] y, int m, int j0, int c0, int count, double[] vt, double[] t, int nb,
        bool transposeT)
    {
        int mm = m - j0;
        var yt = new double[count * mm];
        for (int c = 0; c < count; c++) y.AsSpan((c0 + c) * m + j0, mm).CopyTo(yt.AsSpan(c * mm));
        var wt = new double[count * nb];
        MatrixMultiply.MultiplyTransposed<double>(yt, vt, wt, count, mm, nb);
        var wt2 = new double[count * nb];
        if (transposeT) MatrixMultiply.Multiply<double>(wt, t, wt2, count, nb, nb);       // W^T T = (T^T W)^T
        else MatrixMultiply.MultiplyTransposed<double>(wt, t, wt2, count, nb, nb);       // W^T T^T = (T W)^T
        foreach (ref double v in wt2.AsSpan()) v = -v;
        MatrixMultiply.Multiply<double>(wt2, vt, yt, count, nb, mm, accumulate: true);
        for (int c = 0; c < count; c++) yt.AsSpan(c * mm, mm).CopyTo(y.AsSpan((c0 + c) * m + j0, mm));
    }

    /// <summary>Sum of a[i] b[i]: 8 virtual lanes of fused multiply-adds (<see cref="SimdReduce"/>), folded in order,
    /// then the rest.</summary>
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var op = new ProductSum();
        Span<double> lanes = stackalloc double[16];
        int done = SimdReduce.LaneSums(op, a, b, default, a.Length, lanes[..8], lanes[8..]);
        double sum = 0, unused = 0;
        for (int j = 0; j < 8; j++) sum += lanes[j];
        for (int i = done; i < a.Length; i++) SimdReduce.AccumulateElement(op, a, b, default, i, ref sum, ref unused);
        return sum;
    }

    /// <summary>sum0 = fma(a, b, sum0).</summary>
    private readonly struct ProductSum : IReduceOperator
    {
        public static int Inputs => 2;

        public void Accumulate<TV>(ref TV sum0, ref TV sum1, TV a, TV b, TV c)
            where TV : struct, ISimdVector<TV, double> =>
            sum0 = TV.FusedMultiplyAdd(a, b, sum0);
    }
}
