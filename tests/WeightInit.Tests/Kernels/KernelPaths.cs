namespace WeightInit.Tests.Kernels;

/// <summary>The paths and the odd lengths every kernel is tested on, and bitwise comparisons.</summary>
internal static class KernelPaths
{
    /// <summary>Every path (a path the hardware does not accelerate runs emulated: the same bits, slower).</summary>
    public static readonly SimdPath[] All =
        [SimdPath.Scalar, SimdPath.Vector128, SimdPath.Vector256, SimdPath.Vector512];

    /// <summary>Lengths around every register width: empty, shorter than a register, one more or less than a
    /// multiple.</summary>
    public static readonly int[] OddLengths = [0, 1, 3, 7, 15, 17, 31, 33, 511, 513];

    public static TheoryData<string, int> PathsAndLengths
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var path in All)
                foreach (int n in OddLengths) data.Add(path.ToString(), n);
            return data;
        }
    }

    public static TheoryData<string> Paths => new(All.Select(p => p.ToString()));

    public static SimdPath Parse(string path) => Enum.Parse<SimdPath>(path);

    /// <summary>Equal bits, or both NaN (a NaN's payload is not part of any promise).</summary>
    public static bool SameBits(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    /// <inheritdoc cref="SameBits(double, double)"/>
    public static bool SameBits(float a, float b) =>
        BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b) || (float.IsNaN(a) && float.IsNaN(b));

    /// <summary>Asserts equal bits element by element, naming the first that differs.</summary>
    public static void SameBits(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(SameBits(expected[i], actual[i]), $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }

    /// <inheritdoc cref="SameBits(ReadOnlySpan{double}, ReadOnlySpan{double}, string)"/>
    public static void SameBits(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(SameBits(expected[i], actual[i]), $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
