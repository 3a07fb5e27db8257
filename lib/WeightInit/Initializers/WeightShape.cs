using WeightInit.Random;

namespace WeightInit.Initializers;

/// <summary>Checks of a weight span against its shape, shared by the initializers.</summary>
internal static class WeightShape
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless every dimension is positive.</summary>
    public static void CheckDimensions(ReadOnlySpan<int> shape)
    {
        for (int i = 0; i < shape.Length; i++)
            if (shape[i] <= 0)
                throw new ArgumentOutOfRangeException(nameof(shape), shape[i],
                    $"shape[{i}] must be positive, but it is {shape[i]}.");
    }

    /// <summary>
    /// Checks that the shape has at least <paramref name="minRank"/> dimensions, all positive, whose product fits in an
    /// int; returns that product.
    /// </summary>
    public static int Check(ReadOnlySpan<int> shape, int minRank, string initializer)
    {
        if (shape.Length < minRank)
            throw new ArgumentException(
                $"{initializer} needs a shape with at least {minRank} dimension(s), but shape has {shape.Length}.",
                nameof(shape));
        CheckDimensions(shape);
        return Count(shape);
    }

    /// <summary>
    /// Checks that the shape has at least <paramref name="minRank"/> dimensions, all positive, and that
    /// their product equals <paramref name="length"/> (the weights' length).
    /// </summary>
    public static void Check(int length, ReadOnlySpan<int> shape, int minRank, string initializer,
        string weightsName = "weights")
    {
        int count = Check(shape, minRank, initializer);
        if (count != length)
            throw new ArgumentException(
                $"{weightsName} must hold the product of shape ({count} values), but its length is {length}.",
                weightsName);
    }

    /// <summary>
    /// The checks of a drawing initializer's <see cref="IWeightInitializer.Fill{T}"/>: a random source, T float or
    /// double, and a shape of at least <paramref name="minRank"/> positive dimensions whose product is the weights'
    /// length.
    /// </summary>
    public static void CheckDraw<T>(int length, ReadOnlySpan<int> shape, int minRank, string initializer,
        RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.FloatOrDouble<T>();
        Check(length, shape, minRank, initializer);
    }

    /// <summary>The product of the dimensions (1 for an empty shape); throws when it exceeds
    /// <see cref="int.MaxValue"/>.</summary>
    public static int Count(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int d in shape)
        {
            count *= d;
            if (count > int.MaxValue)
                throw new ArgumentOutOfRangeException(nameof(shape), "The product of shape exceeds int.MaxValue.");
        }
        return (int)count;
    }

    /// <summary>Checks the weights against the shape and returns the fans (shape needs 2 or more dimensions).</summary>
    public static FanPair FansOf(int length, ReadOnlySpan<int> shape, string initializer)
    {
        Check(length, shape, 2, initializer);
        return Fans.FromShape(shape);
    }
}
