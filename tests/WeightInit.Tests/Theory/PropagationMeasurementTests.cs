using WeightInit.Activations;
using WeightInit.Simulation;
using WeightInit.Theory;

namespace WeightInit.Tests.Theory;

public class PropagationMeasurementTests
{
    /// <summary>Independent networks (seeds) whose layer-l measurements are averaged; their spread gives the standard error.</summary>
    private const int Seeds = 12;

    private static (double[] Mean, double[] Error)[] AcrossSeeds(PropagationExperiment experiment)
    {
        var runs = Enumerable.Range(0, Seeds).Select(s => PropagationMeasurement.Run(experiment with { Seed = (ulong)(100 + s) })).ToArray();
        (double[], double[]) Stat(Func<PropagationMeasurement, IReadOnlyList<double>> pick)
        {
            var mean = new double[experiment.Depth];
            var error = new double[experiment.Depth];
            for (int l = 0; l < experiment.Depth; l++)
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
    public void MeasuredLengthsAndCorrelationsFollowTheMeanFieldMaps(string activation, double weightVariance, double biasVariance, double inputCorrelation)
    {
        var experiment = new PropagationExperiment
        {
            Activation = Activation.FromName(activation), WeightVariance = weightVariance, BiasVariance = biasVariance,
            Width = 512, Depth = 12, PairCount = 8, InputLength = 2, InputCorrelation = inputCorrelation,
        };
        var predicted = experiment.Predict();
        var stats = AcrossSeeds(experiment);
        var (q, qError) = stats[0];
        var (c, cError) = stats[1];
        for (int l = 0; l < experiment.Depth; l++)
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
        var experiment = new PropagationExperiment { Activation = Activation.Tanh, WeightVariance = 2.0, BiasVariance = 0.05, Width = 512, Depth = 30, PairCount = 8, InputLength = 4 };
        double qStar = new MeanFieldModel(Activation.Tanh, 2.0, 0.05).FindLengthFixedPoint().Length;
        var (q, error) = AcrossSeeds(experiment)[0];
        Assert.True(Math.Abs(q[^1] - qStar) <= 5 * error[^1], $"q_30 = {q[^1]:G6} +- {error[^1]:G3}, q* = {qStar:G6}");
        Assert.True(Math.Abs(q[0] - qStar) > 20 * error[0]); // it started far from q*
    }

    [Fact]
    public void GradientGrowthFollowsChi1()
    {
        // Every layer at q* (inputs of length (q* - sigma_b^2) / sigma_w^2 put layer 1 there): the mean squared gradient grows by chi_1 per layer.
        var model = new MeanFieldModel(Activation.Tanh, 3.0, 0.05);
        var analysis = model.Analyze();
        double q0 = (analysis.FixedPointLength - 0.05) / 3.0;
        var growth = Enumerable.Range(0, Seeds).Select(s => PropagationMeasurement.Run(new PropagationExperiment
        {
            Activation = Activation.Tanh, WeightVariance = 3.0, BiasVariance = 0.05, Width = 512, Depth = 20, PairCount = 8,
            InputLength = q0, MeasureGradients = true, Seed = (ulong)s,
        }).GradientGrowthPerLayer).ToArray();
        double mean = growth.Average();
        double error = Math.Sqrt(growth.Sum(g => (g - mean) * (g - mean)) / (Seeds - 1) / Seeds);
        Assert.True(Math.Abs(mean - analysis.Chi1) <= 5 * error, $"growth {mean:G6} +- {error:G3}, chi_1 {analysis.Chi1:G6}");
    }

    [Fact]
    public void AcrossNetworksAveragesLayerByLayer()
    {
        var experiment = new PropagationExperiment { Activation = Activation.Tanh, WeightVariance = 1.5, Width = 32, Depth = 3, PairCount = 2 };
        var runs = Enumerable.Range(0, 3).Select(s => PropagationMeasurement.Run(experiment with { Seed = (ulong)s })).ToArray();
        var (mean, error) = PropagationMeasurement.AcrossNetworks(runs, m => m.Lengths);
        for (int l = 0; l < 3; l++)
        {
            var v = runs.Select(r => r.Lengths[l]).ToArray();
            double m = v.Average();
            Assert.Equal(m, mean[l], 1e-15);
            Assert.Equal(Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / 2 / 3), error[l], 1e-15);
        }
        Assert.Equal("runs", Assert.Throws<ArgumentException>(() => PropagationMeasurement.AcrossNetworks(runs[..1], m => m.Lengths)).ParamName);
        var other = PropagationMeasurement.Run(experiment with { Depth = 4 });
        Assert.Equal("runs", Assert.Throws<ArgumentException>(() => PropagationMeasurement.AcrossNetworks([runs[0], other], m => m.Lengths)).ParamName);
    }

    [Fact]
    public void InputsHaveTheRequestedLengthAndCorrelation()
    {
        var experiment = new PropagationExperiment { Activation = Activation.Tanh, WeightVariance = 1, Width = 64, PairCount = 3, InputLength = 2.5, InputCorrelation = -0.3 };
        var x = experiment.CreateInputs();
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
        var experiment = new PropagationExperiment { Activation = Activation.Swish, WeightVariance = 2.2, BiasVariance = 0.1, Width = 64, Depth = 5, Seed = 4 };
        var a = PropagationMeasurement.Run(experiment);
        var b = PropagationMeasurement.Run(experiment with { MaxDegreeOfParallelism = 1 });
        Assert.Equal(a.Lengths, b.Lengths);
        Assert.Equal(a.Correlations, b.Correlations);
        Assert.Throws<InvalidOperationException>(() => a.GradientMeanSquares);
    }

    [Fact]
    public void FloatRunsAgreeWithDoubleRuns()
    {
        var experiment = new PropagationExperiment { Activation = Activation.Tanh, WeightVariance = 1.5, BiasVariance = 0.05, Width = 128, Depth = 10, Seed = 8 };
        var d = PropagationMeasurement.Run(experiment);
        var f = PropagationMeasurement.Run(experiment with { Precision = FloatPrecision.Single });
        for (int l = 0; l < 10; l++)
        {
            Assert.Equal(d.Lengths[l], f.Lengths[l], 1e-4 * d.Lengths[l]);
            Assert.Equal(d.Correlations[l], f.Correlations[l], 1e-4);
        }
    }

    public static TheoryData<string, PropagationExperiment> BadExperiments()
    {
        var good = new PropagationExperiment { Activation = Activation.Tanh, WeightVariance = 1 };
        return new TheoryData<string, PropagationExperiment>
        {
            { "WeightVariance", good with { WeightVariance = 0 } },
            { "WeightVariance", good with { WeightVariance = double.NaN } },
            { "BiasVariance", good with { BiasVariance = -0.1 } },
            { "Width", good with { Width = 0 } },
            { "Width", good with { Width = 1 } },
            { "Depth", good with { Depth = 0 } },
            { "PairCount", good with { PairCount = 0 } },
            { "InputLength", good with { InputLength = 0 } },
            { "InputCorrelation", good with { InputCorrelation = 1.5 } },
            { "Weights", good with { Weights = (WeightDistribution)7 } },
        };
    }

    [Theory]
    [MemberData(nameof(BadExperiments))]
    public void BadExperimentsNameTheirOption(string option, PropagationExperiment experiment)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => PropagationMeasurement.Run(experiment));
        Assert.Equal(option, e.ParamName);
    }
}
