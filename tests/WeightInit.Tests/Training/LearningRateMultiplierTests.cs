using WeightInit.Tests.Support;

namespace WeightInit.Tests.Training;

/// <summary>
/// <see cref="Parameter.LearningRateMultiplier"/>: each optimizer's step of a parameter is the step of learning rate
/// eta * multiplier, and nothing else changes; a multiplier that is not finite and positive is refused.
/// </summary>
public sealed class LearningRateMultiplierTests
{
    private static Network TwoLayers(ulong seed)
    {
        var random = new RandomSource(seed);
        var hidden = new DenseLayer(3, 4, Activation.Tanh);
        hidden.Initialize(Init.Normal(0, 0.7), random);
        var output = new DenseLayer(4, 2, Activation.Identity);
        output.Initialize(Init.Normal(0, 0.7), random);
        return new Network([hidden, output]);
    }

    private static double[] Step(OptimizerKind kind, double learningRate, double[] multipliers, int steps)
    {
        var network = TwoLayers(7);
        for (int p = 0; p < multipliers.Length; p++) network.Parameters[p].LearningRateMultiplier = multipliers[p];
        var options = new TrainingOptions { Optimizer = kind, LearningRate = learningRate,
            Momentum = kind == OptimizerKind.Sgd ? 0.5 : 0 };
        var trainer = new Trainer(network, Loss.SoftmaxCrossEntropy, options);
        double[] inputs = [0.3, -1.2, 0.8, 1.1, 0.4, -0.6];
        for (int s = 0; s < steps; s++) trainer.Step(inputs, [0, 1], 2);
        return [.. network.Parameters.SelectMany(p => p.Values.ToArray())];
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    public void AParameterWithMultiplierMMovesAsUnderLearningRateTimesMAndTheOthersDoNotChange(OptimizerKind kind)
    {
        // One step from the same start: the hidden weights with multiplier 0.25 at eta = 0.08 move exactly as at
        // eta = 0.02 (0.08 * 0.25 is 0.02 in double), every other parameter as at eta = 0.08.
        var before = Step(kind, 0.08, [1, 1, 1, 1], 0);
        var scaled = Step(kind, 0.08, [0.25, 1, 1, 1], 1);
        var small = Step(kind, 0.02, [1, 1, 1, 1], 1);
        var large = Step(kind, 0.08, [1, 1, 1, 1], 1);
        int hiddenWeights = 3 * 4;
        for (int i = 0; i < before.Length; i++)
        {
            double expected = i < hiddenWeights ? small[i] : large[i];
            Assert.Equal(expected, scaled[i], 1e-15);
        }
        Assert.NotEqual(before[0], scaled[0]);
    }

    [Fact]
    public void MultiplierOneIsTheDefaultAndGivesTheSameBitsAsNoMultiplier()
    {
        Assert.All(TwoLayers(1).Parameters, p => Assert.Equal(1.0, p.LearningRateMultiplier));
        Assert.Equal(Step(OptimizerKind.Adam, 0.01, [], 3), Step(OptimizerKind.Adam, 0.01, [1, 1, 1, 1], 3));
    }

    [Theory]
    [MemberData(nameof(BadValues.NotFinitePositive), MemberType = typeof(BadValues))]
    public void AMultiplierThatIsNotFiniteAndPositiveIsRefused(double value)
    {
        var parameter = TwoLayers(1).Parameters[0];
        var error = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => parameter.LearningRateMultiplier = value);
        Assert.Equal(nameof(Parameter.LearningRateMultiplier), error.ParamName);
        Assert.Equal(1.0, parameter.LearningRateMultiplier);
    }
}
