namespace WeightInit.Tests.Random;

/// <summary>Hard-bound checks over whole samples (one assertion, reporting the offending extreme).</summary>
internal static class SampleBounds
{
    public static void AssertWithin(ReadOnlySpan<double> sample, double low, double high)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in sample)
        {
            if (!(v >= min)) min = v; // NaN also lands here and fails below
            if (!(v <= max)) max = v;
        }
        Assert.True(sample.IsEmpty || (min >= low && max <= high),
            $"sample range [{min:R}, {max:R}] leaves [{low:R}, {high:R}]");
    }

    public static void AssertWithin(ReadOnlySpan<float> sample, double low, double high)
    {
        double[] widened = new double[sample.Length];
        for (int i = 0; i < sample.Length; i++) widened[i] = sample[i];
        AssertWithin(widened, low, high);
    }

    public static void AssertAllEqual(ReadOnlySpan<double> sample, double expected)
    {
        foreach (double v in sample)
            Assert.Equal(expected, v);
    }
}
