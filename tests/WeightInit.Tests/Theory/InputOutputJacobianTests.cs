using MathNet.Numerics.LinearAlgebra;
using WeightInit.Activations;
using WeightInit.Random;
using WeightInit.Theory;

namespace WeightInit.Tests.Theory;

public class InputOutputJacobianTests
{
    [Theory]
    [InlineData(64, 10)]
    [InlineData(512, 4)]
    public void ProductOfOrthogonalMatricesIsAnIsometry(int width, int depth)
    {
        var jacobian = InputOutputJacobian.Compute(new JacobianExperiment
        {
            Activation = Activation.Identity, WeightVariance = 1, Weights = WeightDistribution.Orthogonal, Width = width, Depth = depth,
            SpectrumDepths = [1, depth], Seed = 3,
        });
        foreach (int l in jacobian.SpectrumDepths)
            Assert.All(jacobian.SingularValues(l), s => Assert.Equal(1, s, 1e-10));
        Assert.All(jacobian.LogMeanSquaredSingularValues, v => Assert.Equal(0, v, 1e-10));
    }

    [Fact]
    public void ScaledOrthogonalLinearNetworkScalesEverySingularValue()
    {
        var jacobian = InputOutputJacobian.Compute(new JacobianExperiment
        {
            Activation = Activation.Identity, WeightVariance = 1.21, Weights = WeightDistribution.Orthogonal, Width = 32, Depth = 7, Seed = 1,
        });
        Assert.All(jacobian.SingularValues(7), s => Assert.Equal(Math.Pow(1.1, 7), s, 1e-10));
    }

    [Theory]
    [InlineData("Tanh", 1.8, 0.05, 8)]
    [InlineData("Tanh", 1.2, 0.1, 16)]
    [InlineData("ReLU", 2.0, 0.0, 8)]
    public void GaussianMeanSquaredSingularValueIsChi1ToTheDepth(string activation, double weightVariance, double biasVariance, int depth)
    {
        // Inputs at q*: mean-field theory predicts tr(J^T J) / n = chi_1^L.
        var analysis = new MeanFieldModel(Activation.FromName(activation), weightVariance, biasVariance).Analyze();
        var logs = Enumerable.Range(0, 16).Select(s => InputOutputJacobian.Compute(new JacobianExperiment
        {
            Activation = Activation.FromName(activation), WeightVariance = weightVariance, BiasVariance = biasVariance,
            Width = 256, Depth = depth, SpectrumDepths = [], Seed = (ulong)s,
        }).MeanSquaredSingularValues[^1]).ToArray();
        double mean = logs.Average();
        double error = Math.Sqrt(logs.Sum(v => (v - mean) * (v - mean)) / (logs.Length - 1) / logs.Length);
        double expected = Math.Pow(analysis.Chi1, depth);
        Assert.True(Math.Abs(mean - expected) <= 5 * error, $"mean squared singular value {mean:G6} +- {error:G3}, chi_1^L = {expected:G6}");
    }

    [Fact]
    public void SingularValuesMatchAFiniteDifferenceJacobian()
    {
        // Rebuild the network from the documented streams and differentiate x_L(x_0) numerically.
        const int n = 6, depth = 3;
        var experiment = new JacobianExperiment { Activation = Activation.Tanh, WeightVariance = 1.7, BiasVariance = 0.2, Width = n, Depth = depth, InputLength = 0.9, Seed = 21 };
        var jacobian = InputOutputJacobian.Compute(experiment);
        var root = new RandomSource(21);
        var weights = new double[depth][];
        var biases = new double[depth][];
        var initializer = WeightDistribution.Gaussian.CreateInitializer(1.7);
        for (int l = 1; l <= depth; l++)
        {
            weights[l - 1] = new double[n * n];
            initializer.Fill(weights[l - 1], [n, n], root.Fork((ulong)l));
            biases[l - 1] = new double[n];
            root.Fork((1UL << 32) + (ulong)l).FillNormal(biases[l - 1], 0, Math.Sqrt(0.2));
        }
        var x0 = new double[n];
        root.Fork(0).FillNormal(x0, 0, 1);
        double norm = Math.Sqrt(x0.Sum(v => v * v));
        for (int i = 0; i < n; i++) x0[i] *= Math.Sqrt(n * (0.9 - 0.2) / 1.7) / norm;
        double[] Forward(double[] x)
        {
            foreach (var (w, b) in weights.Zip(biases))
                x = Enumerable.Range(0, n).Select(i => Math.Tanh(Enumerable.Range(0, n).Sum(k => w[i * n + k] * x[k]) + b[i])).ToArray();
            return x;
        }
        var numeric = Matrix<double>.Build.Dense(n, n);
        const double h = 1e-6;
        for (int k = 0; k < n; k++)
        {
            var plus = (double[])x0.Clone();
            var minus = (double[])x0.Clone();
            plus[k] += h;
            minus[k] -= h;
            var fp = Forward(plus);
            var fm = Forward(minus);
            for (int i = 0; i < n; i++) numeric[i, k] = (fp[i] - fm[i]) / (2 * h);
        }
        var expected = numeric.Svd(false).S.ToArray();
        var actual = jacobian.SingularValues(depth);
        for (int i = 0; i < n; i++) Assert.Equal(expected[i], actual[i], 1e-8);
        Assert.Equal(Math.Log(numeric.FrobeniusNorm() * numeric.FrobeniusNorm() / n), jacobian.LogMeanSquaredSingularValues[^1], 1e-8);
    }

    [Fact]
    public void DeepChaoticNetworksDoNotOverflow()
    {
        var jacobian = InputOutputJacobian.Compute(new JacobianExperiment { Activation = Activation.Identity, WeightVariance = 9, Width = 16, Depth = 400, SpectrumDepths = [], Seed = 2 });
        Assert.All(jacobian.LogMeanSquaredSingularValues, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(double.PositiveInfinity, jacobian.MeanSquaredSingularValues[^1]); // 9^400 is beyond double
    }

    [Fact]
    public void DefaultInputSitsAtTheFixedPoint()
    {
        var experiment = new JacobianExperiment { Activation = Activation.Tanh, WeightVariance = 1.5, BiasVariance = 0.1, Depth = 3 };
        Assert.Equal(new MeanFieldModel(Activation.Tanh, 1.5, 0.1).FindLengthFixedPoint().Length, experiment.ResolveInputLength());
        Assert.Equal(1, (experiment with { Activation = Activation.ReLU, WeightVariance = 3 }).ResolveInputLength()); // no fixed point
    }

    [Fact]
    public void SpectrumOnlyAtRequestedDepths()
    {
        var jacobian = InputOutputJacobian.Compute(new JacobianExperiment { Activation = Activation.Tanh, WeightVariance = 1, Width = 8, Depth = 5, SpectrumDepths = [2], Seed = 1 });
        Assert.Equal([2], jacobian.SpectrumDepths);
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => jacobian.SingularValues(5)).ParamName);
    }

    public static TheoryData<string, JacobianExperiment> BadExperiments()
    {
        var good = new JacobianExperiment { Activation = Activation.Tanh, WeightVariance = 1, BiasVariance = 0.1, Width = 8, Depth = 3 };
        return new TheoryData<string, JacobianExperiment>
        {
            { "WeightVariance", good with { WeightVariance = -1 } },
            { "WeightVariance", good with { WeightVariance = double.PositiveInfinity } },
            { "BiasVariance", good with { BiasVariance = double.NaN } },
            { "Width", good with { Width = 0 } },
            { "Depth", good with { Depth = -2 } },
            { "InputLength", good with { InputLength = 0.05 } },
            { "InputLength", good with { InputLength = double.NaN } },
            { "SpectrumDepths", good with { SpectrumDepths = [4] } },
            { "SpectrumDepths", good with { SpectrumDepths = [0] } },
            { "Weights", good with { Weights = (WeightDistribution)(-1) } },
        };
    }

    [Theory]
    [MemberData(nameof(BadExperiments))]
    public void BadExperimentsNameTheirOption(string option, JacobianExperiment experiment) =>
        Assert.Equal(option, Assert.ThrowsAny<ArgumentException>(() => InputOutputJacobian.Compute(experiment)).ParamName);
}
