namespace WeightInit.Tests.Initializers;

/// <summary>Fast range assertions for large samples (xunit's Assert.All is slow on 60 000 items).</summary>
public static class Bounds
{
    public static void Within(ReadOnlySpan<double> sample, double low, double high)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double x in sample) { min = Math.Min(min, x); max = Math.Max(max, x); }
        Assert.True(min >= low && max <= high, $"draws span [{min:R}, {max:R}], outside [{low:R}, {high:R}]");
    }

    public static void Within(ReadOnlySpan<float> sample, float low, float high)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (float x in sample) { min = Math.Min(min, x); max = Math.Max(max, x); }
        Assert.True(min >= low && max <= high, $"draws span [{min:R}, {max:R}], outside [{low:R}, {high:R}]");
    }
}
