using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// Orthogonal initialization: W = gain * Q, with Q a (semi-)orthogonal matrix drawn uniformly (Haar measure).
/// The tensor is flattened to rows = shape[0] by cols = product of the other dimensions, as PyTorch's
/// <c>orthogonal_</c> does; for rows &gt;= cols the columns are orthonormal (Q^T Q = I), otherwise the rows are (Q Q^T = I).
/// </summary>
/// <remarks>
/// Saxe, McClelland &amp; Ganguli (2013), "Exact solutions to the nonlinear dynamics of learning in deep linear
/// neural networks": orthogonal weights keep every singular value of a deep linear map at 1.
/// Algorithm (Mezzadri 2007, "How to generate random matrices from the classical compact groups"): draw A
/// (rows x cols) with N(0, 1) entries, take the thin QR decomposition of A (or of A^T when rows &lt; cols) with
/// MathNet.Numerics, and multiply each column of Q by the sign of the matching diagonal entry of R; without that
/// correction Q is not Haar-distributed. A zero diagonal entry (probability 0) keeps its column's sign.
/// The decomposition is done in double precision also for float weights.
/// </remarks>
public sealed class OrthogonalInitializer : IWeightInitializer
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

    /// <summary>The standard deviation of each entry: gain / sqrt(max(rows, cols)) (a unit vector in R^m has entries of variance 1/m).</summary>
    /// <param name="rows">shape[0]; positive.</param>
    /// <param name="cols">The product of the other dimensions; positive.</param>
    /// <returns>The standard deviation of one entry.</returns>
    public double Std(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        return Gain / Math.Sqrt(Math.Max(rows, cols));
    }

    /// <inheritdoc/>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random) where T : unmanaged, IFloatingPointIeee754<T>
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
        // Column-major storage of a cols x rows matrix over A's row-major data is A^T.
        Matrix<double> m = tall ? Matrix<double>.Build.Dense(cols, rows, a).Transpose() : Matrix<double>.Build.Dense(cols, rows, a);
        var qr = m.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        Matrix<double> q = qr.Q, r = qr.R;
        int k = q.ColumnCount; // = min(rows, cols)
        var result = new double[length];
        for (int j = 0; j < k; j++)
        {
            double s = r[j, j] < 0 ? -Gain : Gain;
            for (int i = 0; i < q.RowCount; i++)
            {
                double v = s * q[i, j];
                if (tall) result[i * cols + j] = v; // W = Q (rows x cols)
                else result[j * cols + i] = v;      // W = Q^T, Q is cols x rows
            }
        }
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
