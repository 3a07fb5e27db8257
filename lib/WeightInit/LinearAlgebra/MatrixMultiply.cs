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

    /// <summary>C = A B, where A is m x k, B is k x n and C is m x n, all row-major (the backward product dX = dY W).</summary>
    /// <param name="a">A, m x k.</param>
    /// <param name="b">B, k x n.</param>
    /// <param name="c">C, m x n; overwritten.</param>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="k">Columns of A, rows of B.</param>
    /// <param name="n">Columns of B and C.</param>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                c[i * n + j] = s;
            }
    }

    /// <inheritdoc cref="Multiply(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, int)"/>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                c[i * n + j] = s;
            }
    }

    /// <summary>C = A^T B, where A is k x m, B is k x n and C is m x n, all row-major (the weight gradient dW = dY^T X).</summary>
    /// <param name="a">A, k x m.</param>
    /// <param name="b">B, k x n.</param>
    /// <param name="c">C, m x n; overwritten.</param>
    /// <param name="m">Columns of A, rows of C.</param>
    /// <param name="k">Rows of A and B.</param>
    /// <param name="n">Columns of B and C.</param>
    public static void TransposeMultiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[p * m + i] * b[p * n + j];
                c[i * n + j] = s;
            }
    }

    /// <inheritdoc cref="TransposeMultiply(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, int)"/>
    public static void TransposeMultiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float s = 0;
                for (int p = 0; p < k; p++) s += a[p * m + i] * b[p * n + j];
                c[i * n + j] = s;
            }
    }
}
