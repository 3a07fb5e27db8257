using System.Numerics;
using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>
/// Sparse initialization of a 2-D weight (out, in): every entry is drawn from N(0, std^2), then in each
/// column ceil(sparsity * rows) entries, chosen uniformly at random, are set to 0 (PyTorch's
/// <c>sparse_(sparsity, std)</c>).
/// </summary>
/// <remarks>
/// Martens (2010), "Deep learning via Hessian-free optimization", ICML: each unit gets a fixed
/// small number of non-zero incoming weights, so the total input does not grow with the layer's width and
/// units differ more than under a dense scaled initialization.
/// </remarks>
internal sealed class SparseInitializer : IWeightInitializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="sparsity">The fraction of each column set to zero; in [0, 1).</param>
    /// <param name="std">The standard deviation of the non-zero entries; finite and non-negative (PyTorch's default
    /// 0.01).</param>
    /// <exception cref="ArgumentOutOfRangeException">sparsity is outside [0, 1) or NaN, or std is negative or not
    /// finite.</exception>
    public SparseInitializer(double sparsity, double std = 0.01)
    {
        if (!(sparsity >= 0 && sparsity < 1))
            throw new ArgumentOutOfRangeException(nameof(sparsity), sparsity,
                $"sparsity must be in [0, 1), but it is {sparsity}.");
        Guard.FiniteNonNegative(std);
        Sparsity = sparsity;
        Std = std;
    }

    /// <summary>The fraction of each column set to zero.</summary>
    public double Sparsity { get; }

    /// <summary>The standard deviation of the non-zero entries.</summary>
    public double Std { get; }

    /// <inheritdoc/>
    public string Name => $"Sparse(sparsity={Sparsity:R}, std={Std:R})";

    /// <summary>The number of zeros per column for a weight with <paramref name="rows"/> rows: ceil(sparsity *
    /// rows).</summary>
    /// <param name="rows">shape[0]; positive.</param>
    /// <returns>The number of zeros in each column.</returns>
    public int ZerosPerColumn(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        return (int)Math.Ceiling(Sparsity * rows);
    }

    /// <summary>
    /// std^2 (rows - z) / rows with z = <see cref="ZerosPerColumn"/>(rows): each entry is 0 with probability z / rows
    /// and N(0, std^2) otherwise, so its mean is 0.
    /// </summary>
    /// <param name="shape">(out, in): exactly two dimensions, both positive.</param>
    /// <returns>The variance of one entry.</returns>
    /// <exception cref="ArgumentException">The shape is not 2-D.</exception>
    public double? EntryVariance(ReadOnlySpan<int> shape)
    {
        WeightShape.Check(shape, 2, Name);
        if (shape.Length != 2)
            throw new ArgumentException($"Sparse needs a 2-D shape (out, in), but shape has {shape.Length} dimensions.",
                nameof(shape));
        int rows = shape[0];
        return Std * Std * (rows - ZerosPerColumn(rows)) / rows;
    }

    /// <inheritdoc/>
    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        WeightShape.CheckDraw<T>(weights.Length, shape, 2, Name, random);
        if (shape.Length != 2)
            throw new ArgumentException($"Sparse needs a 2-D shape (out, in), but shape has {shape.Length} dimensions.",
                nameof(shape));
        random.FillNormal(weights, 0.0, Std);
        ZeroColumns(weights, shape[0], shape[1], random);
    }

    private void ZeroColumns<T>(Span<T> weights, int rows, int cols, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int zeros = ZerosPerColumn(rows);
        if (zeros == 0) return;
        var order = new int[rows];
        for (int c = 0; c < cols; c++)
        {
            for (int i = 0; i < rows; i++) order[i] = i;
            // Partial Fisher-Yates: the first `zeros` entries become a uniform random subset of the rows.
            for (int i = 0; i < zeros; i++)
            {
                int j = i + random.NextInt(rows - i);
                (order[i], order[j]) = (order[j], order[i]);
                weights[order[i] * cols + c] = T.Zero;
            }
        }
    }
}
