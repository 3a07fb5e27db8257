namespace WeightInit.Tests.Theory;

public class PhaseDiagramTests
{
    private static Func<double, double, DeepNetwork> Network(int depth = 40) =>
        (w, b) => MeanFieldNetworks.Gaussian(Activation.Tanh, w, b, 128, depth);

    private static readonly PropagationOptions Options = new() { PairCount = 8, InputCorrelation = 0.5, Seed = 5 };

    [Fact]
    public void OrderedPhaseCollapsesInputsAndChaoticPhaseDecorrelatesThem()
    {
        double[] weights = [1.0, 4.0];
        double[] biases = [0.2];
        var diagram = PhaseDiagram.Measure(Network(), weights, biases, Options);
        var chi1 = PhaseDiagram.PredictChi1(Activation.Tanh, weights, biases);
        Assert.True(chi1[0][0] < 1 && chi1[0][1] > 1);
        Assert.True(diagram.FinalCorrelations[0][0] > 0.99, $"ordered: c_40 = {diagram.FinalCorrelations[0][0]}");
        // c* = 0.457 here; one 128-wide network scatters about 0.1 around it (PropagationMeasurementTests checks the
        // mean over networks).
        Assert.True(diagram.FinalCorrelations[0][1] < 0.8, $"chaotic: c_40 = {diagram.FinalCorrelations[0][1]}");
        Assert.Null(diagram.GradientGrowth);
    }

    [Fact]
    public void ResultDoesNotDependOnParallelism()
    {
        double[] weights = [0.8, 1.6, 3.2];
        double[] biases = [0.0, 0.1];
        var options = Options with { MeasureGradients = true };
        var a = PhaseDiagram.Measure(Network(6), weights, biases, options);
        var b = PhaseDiagram.Measure(Network(6), weights, biases, options, maxDegreeOfParallelism: 1);
        Assert.Equal(a.FinalCorrelations, b.FinalCorrelations);
        Assert.Equal(a.FinalLengths, b.FinalLengths);
        Assert.Equal(a.GradientGrowth, b.GradientGrowth);
        Assert.Equal(2, a.FinalCorrelations.Length);
        Assert.Equal(3, a.FinalCorrelations[0].Length);
        // Each point is the measurement of its network, run alone.
        var alone = PropagationMeasurement.Run(Network(6)(1.6, 0.1), options with { MaxDegreeOfParallelism = 1 });
        Assert.Equal(alone.Correlations[^1], a.FinalCorrelations[1][1]);
        Assert.Equal(alone.GradientGrowthPerLayer, a.GradientGrowth![1][1]);
    }

    [Fact]
    public void PredictedChi1IsInfiniteWhereTheLengthExplodes()
    {
        var chi1 = PhaseDiagram.PredictChi1(Activation.ReLU, [1.0, 3.0], [0.1]);
        Assert.Equal(0.5, chi1[0][0], 1e-14);
        Assert.Equal(double.PositiveInfinity, chi1[0][1]);
    }

    [Fact]
    public void GridValuesFollowTheRules()
    {
        Assert.Equal("weightVariances",
            Assert.Throws<ArgumentOutOfRangeException>(()
            => PhaseDiagram.Measure(Network(), [1.0, 0.0], [0.1])).ParamName);
        Assert.Equal("biasVariances",
            Assert.Throws<ArgumentOutOfRangeException>(() => PhaseDiagram.Measure(Network(), [1.0], [-0.1])).ParamName);
        Assert.Equal("weightVariances",
            Assert.Throws<ArgumentException>(() => PhaseDiagram.PredictChi1(Activation.Tanh, [], [0.1])).ParamName);
        Assert.Equal("biasVariances",
            Assert.Throws<ArgumentException>(() => PhaseDiagram.PredictChi1(Activation.Tanh, [1.0], [])).ParamName);
        Assert.Equal("maxDegreeOfParallelism",
            Assert.Throws<ArgumentOutOfRangeException>(()
            => PhaseDiagram.Measure(Network(), [1.0], [0.1], null, 0)).ParamName);
        Assert.Equal("PairCount",
            Assert.Throws<ArgumentOutOfRangeException>(()
            => PhaseDiagram.Measure(Network(), [1.0], [0.1], Options with { PairCount = 0 })).ParamName);
    }

    [Fact]
    public void ThePointsNetworksMustHaveThePointsVariancesAndOneDepth()
    {
        Assert.Equal("network", Assert.Throws<ArgumentException>(() =>
            PhaseDiagram.Measure((w, b) => MeanFieldNetworks.Gaussian(Activation.Tanh, 1.0, b, 16, 3), [1.0, 2.0],
                [0.1])).ParamName);
        Assert.Equal("network", Assert.Throws<ArgumentException>(() =>
            PhaseDiagram.Measure((w, _) => MeanFieldNetworks.Gaussian(Activation.Tanh, w, 0.05, 16, 3), [1.0],
                [0.0])).ParamName);
        Assert.Equal("network", Assert.Throws<ArgumentException>(() =>
            PhaseDiagram.Measure((w, b) => MeanFieldNetworks.Gaussian(Activation.Tanh, w, b, 16, w > 1 ? 4 : 3),
                [1.0, 2.0], [0.1])).ParamName);
        Assert.Equal("network",
            Assert.Throws<ArgumentException>(() => PhaseDiagram.Measure((_, _) => null!, [1.0], [0.1])).ParamName);
        // Orthogonal weights are just an initializer of the point's variance.
        var orthogonal = PhaseDiagram.Measure((w, b) => MeanFieldNetworks.Orthogonal(Activation.Tanh, w, b, 16, 3),
            [1.5], [0.1], Options);
        Assert.Single(orthogonal.FinalCorrelations);
    }
}
