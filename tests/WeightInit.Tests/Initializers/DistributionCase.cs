namespace WeightInit.Tests.Initializers;

/// <summary>
/// An initializer, a shape, the distribution its formula promises, and a wrong distribution of the same mean
/// and variance that the KS test must reject (a uniform where a normal is promised, and so on).
/// <paramref name="ExpectedStd"/> is the formula's std, checked against the initializer's own Std(fans) when it has
/// one.
/// </summary>
public sealed record DistributionCase(string Name, IWeightInitializer Initializer, int[] Shape, Distribution Expected,
    Distribution Wrong, double? ExpectedStd = null, double? ExpectedBound = null, bool Truncated = false)
{
    public override string ToString() => Name;
}

public static class DistributionCases
{
    private static DistributionCase NormalCase(string name, IWeightInitializer init, int[] shape, double mean,
        double std)
    {
        var d = Distribution.Normal(mean, std);
        return new(name, init, shape, d, Distribution.UniformLike(d), std);
    }

    private static DistributionCase UniformCase(string name, IWeightInitializer init, int[] shape, double low,
        double high)
    {
        var d = Distribution.Uniform(low, high);
        return new(name, init, shape, d, Distribution.NormalLike(d), d.Std, high);
    }

    private static DistributionCase TruncatedCase(string name, IWeightInitializer init, int[] shape,
        double mean, double std, double low, double high, double? expectedStd = null, double? bound = null)
    {
        var d = Distribution.TruncatedNormal(mean, std, low, high);
        return new(name, init, shape, d, Distribution.NormalLike(d), expectedStd, bound, Truncated: true);
    }

    // Dense (out = 300, in = 200): fan_in 200, fan_out 300. Conv (128, 64, 3, 3): fan_in 576, fan_out 1152.
    private static readonly int[] Dense = [300, 200];
    private static readonly int[] Conv = [128, 64, 3, 3];
    private const double KerasC = 0.87962566103423978;

    public static IReadOnlyList<DistributionCase> All { get; } =
    [
        NormalCase("Normal(0.5, 2)", Init.Normal(0.5, 2.0), [256, 256], 0.5, 2.0),
        NormalCase("Normal(0, 1) bias-shaped", Init.Normal(), [65536], 0.0, 1.0),
        UniformCase("Uniform(-0.3, 0.7)", Init.Uniform(-0.3, 0.7), [256, 256], -0.3, 0.7) with { ExpectedStd = null,
            ExpectedBound = null },
        TruncatedCase("TruncatedNormal PyTorch default", Init.TruncatedNormal(), [256, 256], 0, 1, -2, 2),
        TruncatedCase("TruncatedNormal asymmetric", Init.TruncatedNormal(0.2, 1.5, -1, 3), [256, 256], 0.2, 1.5, -1, 3),
        TruncatedCase("TruncatedNormal right tail", Init.TruncatedNormal(0, 1, 2.5, 4), [256, 256], 0, 1, 2.5, 4),
        TruncatedCase("TruncatedNormal left tail", Init.TruncatedNormal(1, 0.5, -3, -0.5), [256, 256], 1, 0.5, -3,
            -0.5),
        TruncatedCase("TruncatedNormal narrow centre", Init.TruncatedNormal(0, 1, -0.2, 0.3), [256, 256], 0, 1, -0.2,
            0.3),
        NormalCase("XavierNormal(5/3)", Init.XavierNormal(5.0 / 3.0), Dense, 0, 5.0 / 3.0 * Math.Sqrt(2.0 / 500)),
        UniformCase("XavierUniform(1) conv", Init.XavierUniform(), Conv, -Math.Sqrt(6.0 / 1728), Math.Sqrt(6.0 / 1728)),
        UniformCase("XavierUniform(sqrt2)", Init.XavierUniform(Math.Sqrt(2)), Dense, -Math.Sqrt(2)
            * Math.Sqrt(6.0 / 500), Math.Sqrt(2) * Math.Sqrt(6.0 / 500)),
        NormalCase("HeNormal default", Init.HeNormal(), Dense, 0, Math.Sqrt(2.0 / 200)),
        NormalCase("HeNormal fan_out ReLU conv", Init.HeNormal(0, FanMode.FanOut, Nonlinearity.ReLU), Conv, 0,
            Math.Sqrt(2.0 / 1152)),
        NormalCase("HeNormal leaky 0.2", Init.HeNormal(0.2), Dense, 0, Math.Sqrt(2.0 / 1.04) / Math.Sqrt(200)),
        UniformCase("HeUniform default", Init.HeUniform(), Dense, -Math.Sqrt(6.0 / 200), Math.Sqrt(6.0 / 200)),
        UniformCase("HeUniform fan_out tanh", Init.HeUniform(0, FanMode.FanOut, Nonlinearity.Tanh), Dense,
            -5.0 / 3.0 * Math.Sqrt(3.0 / 300), 5.0 / 3.0 * Math.Sqrt(3.0 / 300)),
        NormalCase("LeCunNormal conv", Init.LeCunNormal(), Conv, 0, 1 / Math.Sqrt(576)),
        UniformCase("LeCunUniform", Init.LeCunUniform(), Dense, -Math.Sqrt(3.0 / 200), Math.Sqrt(3.0 / 200)),
        TruncatedCase("VarianceScaling(2, fan_in, truncated)",
            Init.VarianceScaling(2, FanMode.FanIn, VarianceScalingDistribution.TruncatedNormal),
            Dense, 0, Math.Sqrt(2.0 / 200) / KerasC, -2 * Math.Sqrt(2.0 / 200) / KerasC, 2 * Math.Sqrt(2.0 / 200)
                / KerasC,
            Math.Sqrt(2.0 / 200), 2 * Math.Sqrt(2.0 / 200) / KerasC),
        TruncatedCase("KerasGlorotNormal conv", Init.KerasGlorotNormal(), Conv, 0, Math.Sqrt(1.0 / 864) / KerasC,
            -2 * Math.Sqrt(1.0 / 864) / KerasC, 2 * Math.Sqrt(1.0 / 864) / KerasC, Math.Sqrt(1.0 / 864), 2
                * Math.Sqrt(1.0 / 864) / KerasC),
        TruncatedCase("KerasHeNormal", Init.KerasHeNormal(), Dense, 0, Math.Sqrt(2.0 / 200) / KerasC,
            -2 * Math.Sqrt(2.0 / 200) / KerasC, 2 * Math.Sqrt(2.0 / 200) / KerasC, Math.Sqrt(2.0 / 200), 2
                * Math.Sqrt(2.0 / 200) / KerasC),
        TruncatedCase("KerasLeCunNormal conv", Init.KerasLeCunNormal(), Conv, 0, Math.Sqrt(1.0 / 576) / KerasC,
            -2 * Math.Sqrt(1.0 / 576) / KerasC, 2 * Math.Sqrt(1.0 / 576) / KerasC, Math.Sqrt(1.0 / 576), 2
                * Math.Sqrt(1.0 / 576) / KerasC),
        NormalCase("VarianceScaling(1, fan_avg, untruncated)",
            Init.VarianceScaling(1, FanMode.FanAvg, VarianceScalingDistribution.UntruncatedNormal),
            Dense, 0, Math.Sqrt(1.0 / 250)),
        UniformCase("VarianceScaling(3, fan_geo_avg, uniform)",
            Init.VarianceScaling(3, FanMode.FanGeoAvg, VarianceScalingDistribution.Uniform),
            Dense, -Math.Sqrt(9.0 / Math.Sqrt(60000)), Math.Sqrt(9.0 / Math.Sqrt(60000))),
        UniformCase("VarianceScaling(0.5, fan_out, uniform) conv",
            Init.VarianceScaling(0.5, FanMode.FanOut, VarianceScalingDistribution.Uniform),
            Conv, -Math.Sqrt(1.5 / 1152), Math.Sqrt(1.5 / 1152)),
        UniformCase("SimpleUniform", Init.SimpleUniform(), Dense, -1 / Math.Sqrt(200), 1 / Math.Sqrt(200)),
        UniformCase("PyTorchLinearDefault", Init.PyTorchLinearDefault(), Dense, -1 / Math.Sqrt(200), 1
            / Math.Sqrt(200)),
    ];

    public static DistributionCase Get(string name) => All.Single(c => c.Name == name);

    /// <summary>The cases with hard bounds (uniform and truncated draws).</summary>
    public static TheoryData<string> BoundedNames => NamesWhere(c => !double.IsInfinity(c.Expected.Low));

    /// <summary>The cases whose initializer exposes Std(fans) (and Bound for uniform ones).</summary>
    public static TheoryData<string> FanScaledNames => NamesWhere(c => c.Initializer is FanScaledInitializer);

    private static TheoryData<string> NamesWhere(Func<DistributionCase, bool> keep)
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Where(keep)) data.Add(c.Name);
        return data;
    }

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in All) data.Add(c.Name);
            return data;
        }
    }
}
