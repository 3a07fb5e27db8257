using System.Runtime.Intrinsics;

namespace WeightInit.Tests.Kernels;

/// <summary>The width cap of <see cref="SimdPaths.MaxWidthVariable"/>: never wider than asked, never wider than the
/// hardware.</summary>
public class SimdPathCapTests
{
    private static SimdPath Hardware =>
        Vector512.IsHardwareAccelerated ? SimdPath.Vector512
        : Vector256.IsHardwareAccelerated ? SimdPath.Vector256
        : Vector128.IsHardwareAccelerated ? SimdPath.Vector128
        : SimdPath.Scalar;

    [Theory]
    [InlineData("Scalar", "Scalar")]
    [InlineData("vector128", "Vector128")]
    [InlineData("Vector256", "Vector256")]
    [InlineData("Vector512", "Vector512")]
    public void ACapGivesTheNarrowerOfTheCapAndTheHardware(string cap, string limit)
    {
        var expected = Enum.Parse<SimdPath>(limit);
        Assert.Equal(Hardware < expected ? Hardware : expected, SimdPaths.Widest(cap));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Auto")]
    [InlineData("avx2")]
    public void NoCapOrAnUnknownOneGivesTheHardwareSWidest(string? cap) =>
        Assert.Equal(Hardware, SimdPaths.Widest(cap));
}
