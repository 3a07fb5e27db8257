using System.Numerics;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// Dense matrix products on row-major spans of <see cref="float"/> or <see cref="double"/>: C = A B^T
/// (<see cref="MultiplyTransposed{T}"/>, a dense layer's forward pass), C = A B (<see cref="Multiply{T}"/>, its
/// backward pass) and C = A^T B (<see cref="TransposeMultiply{T}"/>, its weight gradient).
/// </summary>
/// <remarks>
/// <para>
/// Generic over the element type T, as <c>System.Numerics.Tensors.TensorPrimitives</c> is: T is inferred from the
/// spans (or arrays), and T other than float or double throws <see cref="NotSupportedException"/>.
/// </para>
/// <para>
/// The products are blocked for the caches and register-blocked after K. Goto and R. van de Geijn (2008),
/// "Anatomy of high-performance matrix multiplication": B is packed into strips, A into panels, and a
/// micro-kernel keeps a tile of C in registers (8 rows x 2 <see cref="System.Runtime.Intrinsics.Vector512{T}"/> with
/// AVX-512,
/// 6 rows x 2 <see cref="System.Runtime.Intrinsics.Vector256{T}"/> otherwise, 4 x 4 scalars without SIMD). Large
/// products
/// split the output across the cores; small ones (fewer than about 4 million floating-point operations,
/// such as a 512 x 512 matrix times one vector) run on the calling thread. A B^T with at most 8 rows in A
/// (a layer applied to a few inputs) transposes blocks of B in registers instead of packing it; A B and A^T B
/// with at most 8 rows in C stream B row by row; tiny products (m k n &lt;= 2048) use a plain loop.
/// </para>
/// <para>
/// Determinism: every element is computed as the same chain of fused multiply-adds,
/// c = fma(a_p, b_p, c) for p = 0, 1, ..., k-1 starting from c = 0 (or from C's value when accumulating),
/// whatever the instruction set, the blocking and the number of threads. Results are therefore
/// bit-identical across runs, core counts and machines that have the same floating-point format,
/// and equal a plain loop that uses <see cref="Math.FusedMultiplyAdd(double, double, double)"/>.
/// </para>
/// <para>
/// Arguments: m, k and n must be positive; each span must hold at least the values its matrix needs
/// (longer spans are allowed, the extra values are ignored or left untouched); c must not overlap a or b.
/// </para>
/// </remarks>
public static class MatrixMultiply
{
    /// <summary>
    /// C = A B^T, where A is m x k, B is n x k and C is m x n, all row-major: a dense layer's forward product for a
    /// batch, Y = X W^T, with A holding m inputs of width k and B the (outputs, inputs) weight.
    /// Formula: C[i, j] = sum over p of A[i, p] B[j, p] (plus C[i, j] when <paramref name="accumulate"/>).
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="a">A, m x k (at least m k values).</param>
    /// <param name="b">B, n x k (at least n k values).</param>
    /// <param name="c">C, m x n (at least m n values); overwritten, or added to when <paramref name="accumulate"/>.
    /// Must not overlap <paramref name="a"/> or <paramref name="b"/>.</param>
    /// <param name="m">Rows of A and C (the batch).</param>
    /// <param name="k">Columns of A and B (the inputs).</param>
    /// <param name="n">Rows of B, columns of C (the outputs).</param>
    /// <param name="accumulate">False: C = product. True: C += product (each element's chain of fused multiply-adds
    /// starts from C's value instead of 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">m, k or n is not positive.</exception>
    /// <exception cref="ArgumentException">A span is too short, or c overlaps a or b.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public static void MultiplyTransposed<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n,
        bool accumulate = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Run(false, true, a, b, c, m, k, n, accumulate, GemmOptions.Default);

    /// <summary>
    /// C = A B, where A is m x k, B is k x n and C is m x n, all row-major: a dense layer's backward product dX = dY W.
    /// Formula: C[i, j] = sum over p of A[i, p] B[p, j] (plus C[i, j] when <paramref name="accumulate"/>).
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="a">A, m x k (at least m k values).</param>
    /// <param name="b">B, k x n (at least k n values).</param>
    /// <param name="c">C, m x n (at least m n values); overwritten, or added to when <paramref name="accumulate"/>.
    /// Must not overlap <paramref name="a"/> or <paramref name="b"/>.</param>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="k">Columns of A, rows of B.</param>
    /// <param name="n">Columns of B and C.</param>
    /// <param name="accumulate">False: C = product. True: C += product (each element's chain starts from C's
    /// value).</param>
    /// <exception cref="ArgumentOutOfRangeException">m, k or n is not positive.</exception>
    /// <exception cref="ArgumentException">A span is too short, or c overlaps a or b.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n,
        bool accumulate = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Run(false, false, a, b, c, m, k, n, accumulate, GemmOptions.Default);

    /// <summary>
    /// C = A^T B, where A is k x m, B is k x n and C is m x n, all row-major: a dense layer's weight gradient dW = dY^T
    /// X.
    /// Formula: C[i, j] = sum over p of A[p, i] B[p, j] (plus C[i, j] when <paramref name="accumulate"/>).
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="a">A, k x m (at least k m values).</param>
    /// <param name="b">B, k x n (at least k n values).</param>
    /// <param name="c">C, m x n (at least m n values); overwritten, or added to when <paramref name="accumulate"/>.
    /// Must not overlap <paramref name="a"/> or <paramref name="b"/>.</param>
    /// <param name="m">Columns of A, rows of C.</param>
    /// <param name="k">Rows of A and B (the batch).</param>
    /// <param name="n">Columns of B and C.</param>
    /// <param name="accumulate">False: C = product. True: C += product (each element's chain starts from C's
    /// value).</param>
    /// <exception cref="ArgumentOutOfRangeException">m, k or n is not positive.</exception>
    /// <exception cref="ArgumentException">A span is too short, or c overlaps a or b.</exception>
    /// <exception cref="NotSupportedException">T is neither float nor double.</exception>
    public static void TransposeMultiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n,
        bool accumulate = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Run(true, false, a, b, c, m, k, n, accumulate, GemmOptions.Default);

    /// <summary>The products with forced options (the simulator's thread limit, tests and benchmarks).</summary>
    internal static void Compute<T>(ProductForm form, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k,
        int n,
        bool accumulate, GemmOptions options) where T : unmanaged, IFloatingPointIeee754<T>
        => Run(form == ProductForm.TransposeMultiply, form == ProductForm.MultiplyTransposed, a, b, c, m, k, n,
            accumulate, options);

    /// <summary>Validates the arguments, then runs the blocked product with A stored k x m when
    /// <paramref name="aTransposed"/> and B stored n x k when <paramref name="bTransposed"/>.</summary>
    private static unsafe void Run<T>(bool aTransposed, bool bTransposed, ReadOnlySpan<T> a, ReadOnlySpan<T> b,
        Span<T> c,
        int m, int k, int n, bool accumulate, GemmOptions options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        RequireLength(a.Length, (long)m * k, nameof(a), aTransposed ? $"A ({k} x {m})" : $"A ({m} x {k})");
        RequireLength(b.Length, (long)k * n, nameof(b), bTransposed ? $"B ({n} x {k})" : $"B ({k} x {n})");
        RequireLength(c.Length, (long)m * n, nameof(c), $"C ({m} x {n})");
        var cUsed = c[..(m * n)];
        if (cUsed.Overlaps(a[..(m * k)]))
            throw new ArgumentException("c must not overlap a: the product reads A while it writes C.", nameof(c));
        if (cUsed.Overlaps(b[..(k * n)]))
            throw new ArgumentException("c must not overlap b: the product reads B while it writes C.", nameof(c));
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
            GemmEngine.Run(pa, aTransposed, pb, bTransposed, pc, m, k, n, accumulate, options);
    }

    private static void RequireLength(int actual, long needed, string paramName, string what)
    {
        if (actual < needed)
            throw new ArgumentException($"{paramName} must hold at least {needed} values for {what}, but its length " +
                $"is {actual}.", paramName);
    }
}

/// <summary>Which of the three products <see cref="MatrixMultiply.Compute{T}"/> runs.</summary>
internal enum ProductForm
{
    /// <summary>C = A B^T.</summary>
    MultiplyTransposed,

    /// <summary>C = A B.</summary>
    Multiply,

    /// <summary>C = A^T B.</summary>
    TransposeMultiply,
}
