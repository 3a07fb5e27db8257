namespace WeightInit.Tests.Theory;

public class PropagationMeasurementTests
{
    /// <summary>Independent networks (seeds) whose layer-l measurements are averaged; their spread gives the standard
    /// error.</summary>
    private const int Seeds = 12;

    private static (double[] Mean, double[] Error)[] AcrossSeeds(DeepNetwork network, PropagationOptions options)
    {
        var runs = Enumerable.Range(0, Seeds).Select(s
            => PropagationMeasurement.Run(network, options with { Seed = (ulong)(100 + s) })).ToArray();
        (double[], double[]) Stat(Func<PropagationMeasurement, IReadOnlyList<double>> pick)
        {
            var mean = new double[network.Depth];
            var error = new double[network.Depth];
            for (int l = 0; l < network.Depth; l++)
            {
                var values = runs.Select(r => pick(r)[l]).ToArray();
                double m = values.Average();
                mean[l] = m;
                error[l] = Math.Sqrt(values.Sum(v => (v - m) * (v - m)) / (values.Length - 1) / values.Length);
            }
            return (mean, error);
        }
        return [Stat(r => r.Lengths), Stat(r => r.Correlations)];
    }

    [Theory]
    [InlineData("Tanh", 1.5, 0.05, 0.5)]
    [InlineData("Tanh", 2.5, 0.1, 0.2)]
    [InlineData("ReLU", 1.8, 0.1, 0.5)]
    [InlineData("ELU", 1.3, 0.2, 0.9)]
    public void MeasuredLengthsAndCorrelationsFollowTheMeanFieldMaps(string activation, double weightVariance,
        double biasVariance, double inputCorrelation)
    {
        var network = MeanFieldNetworks.Gaussian(Activation.FromName(activation), weightVariance, biasVariance, 512,
            12);
        var options = new PropagationOptions { PairCount = 8, InputLength = 2, InputCorrelation = inputCorrelation };
        var predicted = PropagationMeasurement.Predict(network, options);
        Assert.Equal(12, predicted.Length);
        var stats = AcrossSeeds(network, options);
        var (q, qError) = stats[0];
        var (c, cError) = stats[1];
        for (int l = 0; l < network.Depth; l++)
        {
            // 5 standard errors over independent networks.
            Assert.True(Math.Abs(q[l] - predicted[l].Length1) <= 5 * qError[l],
                $"layer {l + 1}: q measured {q[l]:G6} +- {qError[l]:G3}, predicted {predicted[l].Length1:G6}");
            Assert.True(Math.Abs(c[l] - predicted[l].Correlation) <= 5 * cError[l],
                $"layer {l + 1}: c measured {c[l]:G6} +- {cError[l]:G3}, predicted {predicted[l].Correlation:G6}");
        }
    }

    [Fact]
    public void DeepLengthsApproachTheFixedPoint()
    {
        var network = MeanFieldNetworks.Gaussian(Activation.Tanh, 2.0, 0.05, 512, 30);
        double qStar = new MeanFieldModel(Activation.Tanh, 2.0, 0.05).FindLengthFixedPoint().Length;
        var (q, error) = AcrossSeeds(network, new PropagationOptions { PairCount = 8, InputLength = 4 })[0];
        Assert.True(Math.Abs(q[^1] - qStar) <= 5 * error[^1], $"q_30 = {q[^1]:G6} +- {error[^1]:G3}, q* = {qStar:G6}");
        Assert.True(Math.Abs(q[0] - qStar) > 20 * error[0]); // it started far from q*
    }

    [Fact]
    public void GradientGrowthFollowsChi1()
    {
        // Every layer at q* (inputs of length (q* - sigma_b^2) / sigma_w^2 put layer 1 there): the mean squared
        // gradient grows by chi_1 per layer.
        var model = new MeanFieldModel(Activation.Tanh, 3.0, 0.05);
        var analysis = model.Analyze();
        double q0 = (analysis.FixedPointLength - 0.05) / 3.0;
        var network = MeanFieldNetworks.Gaussian(Activation.Tanh, 3.0, 0.05, 512, 20);
        var growth = Enumerable.Range(0, Seeds).Select(s => PropagationMeasurement.Run(network, new PropagationOptions
        {
            PairCount = 8, InputLength = q0, MeasureGradients = true, Seed = (ulong)s,
        }).GradientGrowthPerLayer).ToArray();
        double mean = growth.Average();
        double error = Math.Sqrt(growth.Sum(g => (g - mean) * (g - mean)) / (Seeds - 1) / Seeds);
        Assert.True(Math.Abs(mean - analysis.Chi1) <= 5 * error,
            $"growth {mean:G6} +- {error:G3}, chi_1 {analysis.Chi1:G6}");
    }

    [Fact]
    public void AcrossNetworksAveragesLayerByLayer()
    {
        var network = MeanFieldNetworks.Gaussian(Activation.Tanh, 1.5, 0, 32, 3);
        var options = new PropagationOptions { PairCount = 2 };
        var runs = Enumerable.Range(0, 3).Select(s
            => PropagationMeasurement.Run(network, options with { Seed = (ulong)s })).ToArray();
        var (mean, error) = PropagationMeasurement.AcrossNetworks(runs, m => m.Lengths);
        for (int l = 0; l < 3; l++)
        {
            var v = runs.Select(r => r.Lengths[l]).ToArray();
            double m = v.Average();
            Assert.Equal(m, mean[l], 1e-15);
            Assert.Equal(Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / 2 / 3), error[l], 1e-15);
        }
        Assert.Equal("runs",
            Assert.Throws<ArgumentException>(() =>
            PropagationMeasurement.AcrossNetworks(runs[..1], m => m.Lengths)).ParamName);
        var other = PropagationMeasurement.Run(MeanFieldNetworks.Gaussian(Activation.Tanh, 1.5, 0, 32, 4), options);
        Assert.Equal("runs",
            Assert.Throws<ArgumentException>(() =>
            PropagationMeasurement.AcrossNetworks([runs[0], other], m => m.Lengths)).ParamName);
    }

    [Fact]
    public void InputsHaveTheRequestedLengthAndCorrelation()
    {
        var x = new PropagationOptions { PairCount = 3, InputLength = 2.5, InputCorrelation = -0.3 }.CreateInputs(64);
        for (int p = 0; p < 3; p++)
        {
            var a = x.AsSpan(2 * p * 64, 64);
            var b = x.AsSpan((2 * p + 1) * 64, 64);
            double aa = 0, bb = 0, ab = 0;
            for (int i = 0; i < 64; i++) { aa += a[i] * a[i]; bb += b[i] * b[i]; ab += a[i] * b[i]; }
            Assert.Equal(2.5, aa / 64, 1e-12);
            Assert.Equal(2.5, bb / 64, 1e-12);
            Assert.Equal(-0.3, ab / Math.Sqrt(aa * bb), 1e-12);
        }
    }

    [Fact]
    public void SameSeedSameMeasurement()
    {
        var network = MeanFieldNetworks.Gaussian(Activation.Swish, 2.2, 0.1, 64, 5);
        var options = new PropagationOptions { Seed = 4 };
        var a = PropagationMeasurement.Run(network, options);
        var b = PropagationMeasurement.Run(network, options with { MaxDegreeOfParallelism = 1 });
        Assert.Same(network, a.Network);
        Assert.Same(options, a.Options);
        Assert.Equal(a.Lengths, b.Lengths);
        Assert.Equal(a.Correlations, b.Correlations);
        Assert.Throws<InvalidOperationException>(() => a.GradientMeanSquares);
    }

    [Fact]
    public void FloatRunsAgreeWithDoubleRuns()
    {
        var network = MeanFieldNetworks.Gaussian(Activation.Tanh, 1.5, 0.05, 128, 10);
        var d = PropagationMeasurement.Run(network, new PropagationOptions { Seed = 8 });
        var f = PropagationMeasurement.Run(network,
            new PropagationOptions { Seed = 8, Precision = FloatPrecision.Single });
        for (int l = 0; l < 10; l++)
        {
            Assert.Equal(d.Lengths[l], f.Lengths[l], 1e-4 * d.Lengths[l]);
            Assert.Equal(d.Correlations[l], f.Correlations[l], 1e-4);
        }
    }

    public static TheoryData<string, PropagationOptions> BadOptions()
    {
        var good = new PropagationOptions();
        return new TheoryData<string, PropagationOptions>
        {
            { "PairCount", good with { PairCount = 0 } },
            { "InputLength", good with { InputLength = 0 } },
            { "InputLength", good with { InputLength = double.NaN } },
            { "InputCorrelation", good with { InputCorrelation = 1.5 } },
            { "Precision", good with { Precision = (FloatPrecision)7 } },
            { "MaxDegreeOfParallelism", good with { MaxDegreeOfParallelism = 0 } },
        };
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadOptionsNameThemselves(string option, PropagationOptions options)
    {
        var network = MeanFieldNetworks.Gaussian(Activation.Tanh, 1, 0, 8, 2);
        Assert.Equal(option,
            Assert.ThrowsAny<ArgumentException>(() => PropagationMeasurement.Run(network, options)).ParamName);
        Assert.Equal(option,
            Assert.ThrowsAny<ArgumentException>(() => PropagationMeasurement.Predict(network, options)).ParamName);
    }

    [Fact]
    public void ANetworkWithoutPairsOrWithoutAMeanFieldModelIsRejectedByName()
    {
        Assert.Equal("network", Assert.Throws<ArgumentException>(() =>
            PropagationMeasurement.Run(MeanFieldNetworks.Gaussian(Activation.Tanh, 1, 0, 1, 2))).ParamName);
        Assert.Throws<ArgumentNullException>("network", () => PropagationMeasurement.Run(null!));
        // Measuring needs no variance; predicting does.
        var eye = DeepNetwork.Stack(2, 8, Activation.Tanh, WeightInit.Initializers.Init.Eye());
        Assert.Equal(2, PropagationMeasurement.Run(eye, new PropagationOptions { PairCount = 2 }).Lengths.Count);
        Assert.Equal("network", Assert.Throws<ArgumentException>(() => PropagationMeasurement.Predict(eye)).ParamName);
    }

    [Fact]
    public void ThePredictionStartsFromTheFirstLayersExactState()
    {
        // q^1 = sigma_w^2 q_0 + sigma_b^2 and c^1 = (sigma_w^2 q_0 c_0 + sigma_b^2) / q^1, then the model's recursion.
        var network = MeanFieldNetworks.Gaussian(Activation.Tanh, 1.5, 0.2, 16, 3);
        var predicted = PropagationMeasurement.Predict(network,
            new PropagationOptions { InputLength = 2, InputCorrelation = 0.4 });
        Assert.Equal(3.2, predicted[0].Length1, 1e-15);
        Assert.Equal((1.5 * 2 * 0.4 + 0.2) / 3.2, predicted[0].Correlation, 1e-15);
        Assert.Equal(MeanFieldModel.For(network).NextPair(predicted[0]), predicted[1]);
        Assert.Single(PropagationMeasurement.Predict(MeanFieldNetworks.Gaussian(Activation.Tanh, 1.5, 0.2, 16, 1)));
    }
}
