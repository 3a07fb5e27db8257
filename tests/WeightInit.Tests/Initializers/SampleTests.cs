using System.Runtime.InteropServices;

namespace WeightInit.Tests.Initializers;

/// <summary><see cref="WeightInitializerExtensions.Sample{T}(IWeightInitializer, ReadOnlySpan{int}, ulong)"/>: one
/// call, values with their shape.</summary>
public class SampleTests
{
    [Fact]
    public void SampleGivesTheValuesOfFillWithTheShapeInOneCall()
    {
        var tensor = Init.HeNormal().Sample<float>([512, 256], seed: 42);
        var expected = new float[512 * 256];
        Init.HeNormal().Fill(expected, [512, 256], new RandomSource(42));
        Assert.Equal([512, 256], tensor.Shape);
        Assert.Equal(512 * 256, tensor.Length);
        Assert.True(MemoryMarshal.Cast<float, int>(tensor.Values)
            .SequenceEqual(MemoryMarshal.Cast<float, int>(expected)));
        Assert.Equal("WeightTensor<Single>[512, 256]", tensor.ToString());
    }

    [Fact]
    public void SampleFromASourceDrawsFromItLikeFill()
    {
        var random = new RandomSource(7);
        var tensor = Init.Orthogonal().Sample<double>([4, 3, 2], random);
        var expected = new double[24];
        Init.Orthogonal().Fill(expected, [4, 3, 2], new RandomSource(7));
        Assert.Equal(expected, tensor.Values);
        Assert.Equal([4, 3, 2], tensor.Shape);
    }

    [Fact]
    public void TheShapeIsCopied()
    {
        int[] shape = [3, 2];
        var tensor = Init.Zeros().Sample<double>(shape, seed: 1);
        shape[0] = 99;
        Assert.Equal([3, 2], tensor.Shape);
    }

    [Fact]
    public void TheIndexerReadsAndWritesRowMajorMultiIndices()
    {
        var tensor = Init.Normal().Sample<double>([3, 4, 5], seed: 3);
        Assert.Equal(tensor.Values[(2 * 4 + 1) * 5 + 3], tensor[2, 1, 3]);
        tensor[0, 3, 4] = 8.5;
        Assert.Equal(8.5, tensor.Values[3 * 5 + 4]);
    }

    [Fact]
    public void TheIndexerNeedsOneIndexPerDimension() =>
        Assert.Equal("index",
            Assert.Throws<ArgumentException>(() => Init.Zeros().Sample<float>([3, 4], seed: 1)[1]).ParamName);

    [Theory]
    [InlineData(3, 0)]
    [InlineData(-1, 0)]
    [InlineData(0, 4)]
    public void TheIndexerRejectsAnIndexOutsideItsDimension(int i, int j) =>
        Assert.Equal("index",
            Assert.Throws<ArgumentOutOfRangeException>(() => Init.Zeros()
            .Sample<float>([3, 4], seed: 1)[i, j]).ParamName);

    [Fact]
    public void ADimensionThatIsNotPositiveIsRejected() =>
        Assert.Equal("shape",
            Assert.Throws<ArgumentOutOfRangeException>(() => Init.Normal().Sample<double>([4, 0], seed: 1)).ParamName);

    [Fact]
    public void AShapeTheInitializerCannotTakeIsRejectedAsFillRejectsIt() =>
        Assert.Equal("shape",
            Assert.Throws<ArgumentException>(() => Init.HeNormal().Sample<double>([10], seed: 1)).ParamName);

    [Fact]
    public void ANullInitializerOrSourceIsRejected()
    {
        Assert.Equal("initializer",
            Assert.Throws<ArgumentNullException>(() => ((IWeightInitializer)null!)
            .Sample<double>([2, 2], seed: 1)).ParamName);
        Assert.Equal("random",
            Assert.Throws<ArgumentNullException>(() => Init.Zeros().Sample<double>([2, 2], null!)).ParamName);
    }

    [Fact]
    public void AnElementTypeOtherThanFloatOrDoubleIsNotSupported() =>
        Assert.Throws<NotSupportedException>(() => Init.HeNormal().Sample<Half>([4, 4], seed: 1));
}
