using System.Collections.Concurrent;
using System.Numerics;
using WeightInit.Initializers;
using WeightInit.Random;

namespace WeightInit.Simulation;

/// <summary>
/// The initializer of one row of an <see cref="InitializationSweep"/>, drawing each weight matrix once. The simulator
/// fills layer l's weights from a fresh source forked from the run's seed (<see cref="RandomSource.Fork"/>), so within
/// a
/// row, where every cell shares the seed, the matrix of a given layer depends only on that source's seed and the
/// shape: the first request draws it with the wrapped initializer, later ones (other activations, the backward pass's
/// regeneration) copy it. Valid only for sources that nothing has been drawn from yet, which is how the simulator
/// calls it.
/// </summary>
internal sealed class RowWeightCache(IWeightInitializer initializer) : IWeightInitializer
{
    private readonly ConcurrentDictionary<(ulong Seed, string Shape, Type Element), Array> _matrices = new();

    public string Name => initializer.Name;

    public double? EntryVariance(ReadOnlySpan<int> shape) => initializer.EntryVariance(shape);

    public void Fill<T>(Span<T> weights, ReadOnlySpan<int> shape, RandomSource random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        var shapeCopy = shape.ToArray();
        int length = weights.Length;
        var matrix = (T[])_matrices.GetOrAdd((random.Seed, string.Join(',', shapeCopy), typeof(T)), _ =>
        {
            var drawn = new T[length];
            initializer.Fill<T>(drawn, shapeCopy, random);
            return drawn;
        });
        matrix.CopyTo(weights);
    }
}
