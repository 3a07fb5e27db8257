namespace WeightInit.LinearAlgebra;

/// <summary>Dense matrix products on row-major spans.</summary>
public static class MatrixMultiply
{
    /// <summary>
    /// C = A B^T, where A is m x k, B is n x k and C is m x n, all row-major. This is a dense
    /// layer's product for a batch: A holds m inputs of width k, B is the (outputs, inputs) weight.
    /// </summary>
    /// <param name="a">A, m x k.</param>
    /// <param name="b">B, n x k.</param>
    /// <param name="c">C, m x n; overwritten.</param>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="k">Columns of A and B.</param>
    /// <param name="n">Rows of B, columns of C.</param>
    public static void MultiplyTransposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[j * k + p];
                c[i * n + j] = s;
            }
    }

    /// <inheritdoc cref="MultiplyTransposed(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, int)"/>
    public static void MultiplyTransposed(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[j * k + p];
                c[i * n + j] = s;
            }
    }
}
