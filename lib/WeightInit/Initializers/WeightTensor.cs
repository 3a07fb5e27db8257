using System.Numerics;

namespace WeightInit.Initializers;

/// <summary>
/// An initialized weight tensor: its values, row-major, together with its shape (PyTorch's convention: a dense
/// layer's weight is (outputs, inputs)). Returned by
/// <see cref="WeightInitializerExtensions.Sample{T}(IWeightInitializer, ReadOnlySpan{int}, ulong)"/>, e.g.
/// <c>Init.HeNormal().Sample&lt;float&gt;([512, 256], seed: 42)</c>.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class WeightTensor<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _shape;

    internal WeightTensor(T[] values, int[] shape)
    {
        Values = values;
        _shape = shape;
        Shape = Array.AsReadOnly(shape);
    }

    /// <summary>The dimensions, e.g. (outputs, inputs); their product is <see cref="Length"/>.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The values in row-major order (the last index varies fastest); writable.</summary>
    public T[] Values { get; }

    /// <summary>The number of values: the product of <see cref="Shape"/>.</summary>
    public int Length => Values.Length;

    /// <summary>The value at a multi-index, e.g. <c>w[j, i]</c> for the weight from input i to output j.</summary>
    /// <param name="index">One index per dimension, each in [0, Shape[d]).</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The number of indices is not the rank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its dimension.</exception>
    public T this[params ReadOnlySpan<int> index]
    {
        get => Values[Offset(index)];
        set => Values[Offset(index)] = value;
    }

    private int Offset(ReadOnlySpan<int> index)
    {
        if (index.Length != _shape.Length)
            throw new ArgumentException($"index must hold one index per dimension ({_shape.Length}), but it holds " +
                $"{index.Length}.", nameof(index));
        int offset = 0;
        for (int d = 0; d < _shape.Length; d++)
        {
            if ((uint)index[d] >= (uint)_shape[d])
                throw new ArgumentOutOfRangeException(nameof(index), index[d],
                    $"index[{d}] must be in [0, {_shape[d]}), but it is {index[d]}.");
            offset = offset * _shape[d] + index[d];
        }
        return offset;
    }

    /// <inheritdoc/>
    public override string ToString() => $"WeightTensor<{typeof(T).Name}>[{string.Join(", ", _shape)}]";
}
