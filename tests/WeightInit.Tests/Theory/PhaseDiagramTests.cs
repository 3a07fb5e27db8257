using WeightInit.Activations;
using WeightInit.Theory;

namespace WeightInit.Tests.Theory;

public class PhaseDiagramTests
{
    private static readonly PropagationExperiment Template = new()
    {
        Activation = Activation.Tanh, WeightVariance = 1, Width = 128, Depth = 40, PairCount = 8, InputCorrelation = 0.5, Seed = 5,
    };

    [Fact]
    public void OrderedPhaseCollapsesInputsAndChaoticPhaseDecorrelatesThem()
    {
        double[] weights = [1.0, 4.0];
        double[] biases = [0.2];
        var diagram = PhaseDiagram.Measure(Template, weights, biases);
        var chi1 = PhaseDiagram.PredictChi1(Activation.Tanh, weights, biases);
        Assert.True(chi1[0][0] < 1 && chi1[0][1] > 1);
        Assert.True(diagram.FinalCorrelations[0][0] > 0.99, $"ordered: c_40 = {diagram.FinalCorrelations[0][0]}");
        // c* = 0.457 here; one 128-wide network scatters about 0.1 around it (PropagationMeasurementTests checks the mean over networks).
        Assert.True(diagram.FinalCorrelations[0][1] < 0.8, $"chaotic: c_40 = {diagram.FinalCorrelations[0][1]}");
        Assert.Null(diagram.GradientGrowth);
    }

    [Fact]
    public void ResultDoesNotDependOnParallelism()
    {
        double[] weights = [0.8, 1.6, 3.2];
        double[] biases = [0.0, 0.1];
        var template = Template with { MeasureGradients = true, Depth = 6 };
        var a = PhaseDiagram.Measure(template, weights, biases);
        var b = PhaseDiagram.Measure(template, weights, biases, maxDegreeOfParallelism: 1);
        Assert.Equal(a.FinalCorrelations, b.FinalCorrelations);
        Assert.Equal(a.FinalLengths, b.FinalLengths);
        Assert.Equal(a.GradientGrowth, b.GradientGrowth);
        Assert.Equal(2, a.FinalCorrelations.Length);
        Assert.Equal(3, a.FinalCorrelations[0].Length);
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
        Assert.Equal("weightVariances", Assert.Throws<ArgumentOutOfRangeException>(() => PhaseDiagram.Measure(Template, [1.0, 0.0], [0.1])).ParamName);
        Assert.Equal("biasVariances", Assert.Throws<ArgumentOutOfRangeException>(() => PhaseDiagram.Measure(Template, [1.0], [-0.1])).ParamName);
        Assert.Equal("weightVariances", Assert.Throws<ArgumentException>(() => PhaseDiagram.PredictChi1(Activation.Tanh, [], [0.1])).ParamName);
        Assert.Equal("biasVariances", Assert.Throws<ArgumentException>(() => PhaseDiagram.PredictChi1(Activation.Tanh, [1.0], [])).ParamName);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => PhaseDiagram.Measure(Template, [1.0], [0.1], 0)).ParamName);
        Assert.Equal("Depth", Assert.Throws<ArgumentOutOfRangeException>(() => PhaseDiagram.Measure(Template with { Depth = 0 }, [1.0], [0.1])).ParamName);
    }
}
