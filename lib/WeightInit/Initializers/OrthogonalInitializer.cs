using System.Numerics;
using WeightInit.LinearAlgebra;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// Orthogonal initialization: W = gain * Q, with Q a (semi-)orthogonal matrix drawn uniformly (Haar measure).
/// The tensor is flattened to rows = shape[0] by cols = product of the other dimensions, as PyTorch's
/// <c>orthogonal_</c> does; for rows &gt;= cols the columns are orthonormal (Q^T Q = I), otherwise the rows are (Q Q^T
/// = I).
/// </summary>
/// <remarks>
/// Saxe, McClelland &amp; Ganguli (2013), "Exact solutions to the nonlinear dynamics of learning in deep linear
/// neural networks": orthogonal weights keep every singular value of a deep linear map at 1.
/// Algorithm (Mezzadri 2007, "How to generate random matrices from the classical compact groups"): draw A
/// (rows x cols) with N(0, 1) entries, take the thin QR decomposition of A (or of A^T when rows &lt; cols) by blocked
/// Householder reflections on the library's matrix product (<c>HouseholderQr</c>), and multiply each column of Q by the
/// sign of the matching diagonal entry of R; without that correction Q is not Haar-distributed. A zero diagonal entry
/// (probability 0) keeps its column's sign.
/// The decomposition is done in double precision also for float weights.
/// </remarks>
internal sealed class OrthogonalInitializer : IWeightInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="gain">The factor applied to Q; finite and non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gain"/> is negative, NaN or infinite.</exception>
    public OrthogonalInitializer(double gain = 1.0)
    {
        Guard.FiniteNonNegative(gain);
        Gain = gain;
    }

    /// <summary>The factor applied to Q.</summary>
    public double Gain { get; }

    /// <inheritdoc/>
    public string Name => $"Orthogonal(gain={Gain:R})";

    /// <summary>The standard deviation of each entry: gain / sqrt(max(rows, cols)) (a unit vector in R^m has entries of
    /// variance 1/m).</summary>
    /// <param name="rows">shape[0]; positive.</param>
    /// <param name="cols">The product of the other dimensions; positive.</param>
    /// <returns>The standard deviation of one entry.</returns>
    public double Std(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        return Gain / Math.Sqrt(Math.Max(rows, cols));
    }

    /// <summary>
    /// gain^2 / max(rows, cols): the squared <see cref="Std(int, int)"/> of an entry of gain Q, rows = shape[0] and
    /// cols the product of the other dimensions (Q's unit columns, or rows, have entries of mean 0 and variance
    /// 1/rows, or 1/cols). For a square layer sigma_w^2 = Var fan_in = gain^2.
    /// </summary>
    /// <param name="shape">At least two dimensions, all positive.</param>
    /// <returns>The variance of one entry.</returns>
    public double? EntryVariance(ReadOnlySpan<int> shape)
    {
        int count = WeightShape.Check(shape, 2, Name);
        int rows = shape[0], cols = count / rows;
        return Gain * Gain / Math.Max(rows, cols);
    }

    /// <inheritdoc/>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        double[] q = Draw(weights.Length, shape, random);
        for (int i = 0; i < q.Length; i++) weights[i] = T.CreateTruncating(q[i]);
    }

    /// <summary>Returns gain * Q, row-major rows x cols.</summary>
    private double[] Draw(int length, ReadOnlySpan<int> shape, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        WeightShape.Check(length, shape, 2, Name);
        int rows = shape[0], cols = length / rows;
        var a = new double[length];
        random.FillNormal(a, 0.0, 1.0); // A, row-major rows x cols
        bool tall = rows >= cols;
        int m = tall ? rows : cols, n = tall ? cols : rows;
        // Factor the tall one of A and A^T, stored column-major: A^T's columns are A's rows (A's data as it is);
        // A's columns are gathered by a transpose.
        double[] x = tall ? Transpose(a, rows, cols) : a;
        double[] q = HouseholderQr.OrthonormalColumns(x, m, n); // column-major m x n
        var result = new double[length];
        if (tall)
        {
            for (int j = 0; j < cols; j++)
                for (int i = 0; i < rows; i++) result[i * cols + j] = Gain * q[j * m + i]; // W = Q
        }
        else
        {
            for (int i = 0; i < q.Length; i++) result[i] = Gain * q[i]; // W = Q^T: row j of W is column j of Q
        }
        return result;
    }

    /// <summary>The column-major copy of a row-major rows x cols matrix (its columns contiguous).</summary>
    private static double[] Transpose(double[] a, int rows, int cols)
    {
        var t = new double[a.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
        return t;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
