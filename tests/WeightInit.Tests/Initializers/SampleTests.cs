using System.Runtime.InteropServices;
using WeightInit.Initializers;
using WeightInit.Random;

namespace WeightInit.Tests.Initializers;

/// <summary><see cref="WeightInitializerExtensions.Sample{T}(IWeightInitializer, ReadOnlySpan{int}, ulong)"/>: one call, values with their shape.</summary>
public class SampleTests
{
    [Fact]
    public void Sample_gives_the_values_of_fill_with_the_shape_in_one_call()
    {
        var tensor = Init.HeNormal().Sample<float>([512, 256], seed: 42);
        var expected = new float[512 * 256];
        Init.HeNormal().Fill(expected, [512, 256], new RandomSource(42));
        Assert.Equal([512, 256], tensor.Shape);
        Assert.Equal(512 * 256, tensor.Length);
        Assert.True(MemoryMarshal.Cast<float, int>(tensor.Values).SequenceEqual(MemoryMarshal.Cast<float, int>(expected)));
        Assert.Equal("WeightTensor<Single>[512, 256]", tensor.ToString());
    }

    [Fact]
    public void Sample_from_a_source_draws_from_it_like_fill()
    {
        var random = new RandomSource(7);
        var tensor = Init.Orthogonal().Sample<double>([4, 3, 2], random);
        var expected = new double[24];
        Init.Orthogonal().Fill(expected, [4, 3, 2], new RandomSource(7));
        Assert.Equal(expected, tensor.Values);
        Assert.Equal([4, 3, 2], tensor.Shape);
    }

    [Fact]
    public void The_shape_is_copied()
    {
        int[] shape = [3, 2];
        var tensor = Init.Zeros().Sample<double>(shape, seed: 1);
        shape[0] = 99;
        Assert.Equal([3, 2], tensor.Shape);
    }

    [Fact]
    public void The_indexer_reads_and_writes_row_major_multi_indices()
    {
        var tensor = Init.Normal().Sample<double>([3, 4, 5], seed: 3);
        Assert.Equal(tensor.Values[(2 * 4 + 1) * 5 + 3], tensor[2, 1, 3]);
        tensor[0, 3, 4] = 8.5;
        Assert.Equal(8.5, tensor.Values[3 * 5 + 4]);
    }

    [Fact]
    public void The_indexer_needs_one_index_per_dimension() =>
        Assert.Equal("index", Assert.Throws<ArgumentException>(() => Init.Zeros().Sample<float>([3, 4], seed: 1)[1]).ParamName);

    [Theory]
    [InlineData(3, 0)]
    [InlineData(-1, 0)]
    [InlineData(0, 4)]
    public void The_indexer_rejects_an_index_outside_its_dimension(int i, int j) =>
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Zeros().Sample<float>([3, 4], seed: 1)[i, j]).ParamName);

    [Fact]
    public void A_dimension_that_is_not_positive_is_rejected() =>
        Assert.Equal("shape", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Normal().Sample<double>([4, 0], seed: 1)).ParamName);

    [Fact]
    public void A_shape_the_initializer_cannot_take_is_rejected_as_fill_rejects_it() =>
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => Init.HeNormal().Sample<double>([10], seed: 1)).ParamName);

    [Fact]
    public void A_null_initializer_or_source_is_rejected()
    {
        Assert.Equal("initializer", Assert.Throws<ArgumentNullException>(() => ((IWeightInitializer)null!).Sample<double>([2, 2], seed: 1)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => Init.Zeros().Sample<double>([2, 2], null!)).ParamName);
    }

    [Fact]
    public void An_element_type_other_than_float_or_double_is_not_supported() =>
        Assert.Throws<NotSupportedException>(() => Init.HeNormal().Sample<Half>([4, 4], seed: 1));
}
