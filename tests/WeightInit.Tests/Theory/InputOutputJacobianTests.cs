using MathNet.Numerics.LinearAlgebra;

namespace WeightInit.Tests.Theory;

public class InputOutputJacobianTests
{
    [Theory]
    [InlineData(64, 10)]
    [InlineData(512, 4)]
    public void ProductOfOrthogonalMatricesIsAnIsometry(int width, int depth)
    {
        var jacobian = InputOutputJacobian.Compute(MeanFieldNetworks.Orthogonal(Activation.Identity, 1, 0, width,
            depth),
            new JacobianOptions { SpectrumDepths = [1, depth], Seed = 3 });
        foreach (int l in jacobian.SpectrumDepths)
            Assert.All(jacobian.SingularValues(l), s => Assert.Equal(1, s, 1e-10));
        Assert.All(jacobian.LogMeanSquaredSingularValues, v => Assert.Equal(0, v, 1e-10));
    }

    [Fact]
    public void ScaledOrthogonalLinearNetworkScalesEverySingularValue()
    {
        var jacobian = InputOutputJacobian.Compute(MeanFieldNetworks.Orthogonal(Activation.Identity, 1.21, 0, 32, 7),
            new JacobianOptions { Seed = 1 });
        Assert.All(jacobian.SingularValues(7), s => Assert.Equal(Math.Pow(1.1, 7), s, 1e-10));
    }

    [Theory]
    [InlineData("Tanh", 1.8, 0.05, 8)]
    [InlineData("Tanh", 1.2, 0.1, 16)]
    [InlineData("ReLU", 2.0, 0.0, 8)]
    public void GaussianMeanSquaredSingularValueIsChi1ToTheDepth(string activation, double weightVariance,
        double biasVariance, int depth)
    {
        // Inputs at q*: mean-field theory predicts tr(J^T J) / n = chi_1^L.
        var analysis = new MeanFieldModel(Activation.FromName(activation), weightVariance, biasVariance).Analyze();
        var network = MeanFieldNetworks.Gaussian(Activation.FromName(activation), weightVariance, biasVariance, 256,
            depth);
        var logs = Enumerable.Range(0, 16).Select(s => InputOutputJacobian.Compute(network,
            new JacobianOptions { SpectrumDepths = [], Seed = (ulong)s }).MeanSquaredSingularValues[^1]).ToArray();
        double mean = logs.Average();
        double error = Math.Sqrt(logs.Sum(v => (v - mean) * (v - mean)) / (logs.Length - 1) / logs.Length);
        double expected = Math.Pow(analysis.Chi1, depth);
        Assert.True(Math.Abs(mean - expected) <= 5 * error,
            $"mean squared singular value {mean:G6} +- {error:G3}, chi_1^L = {expected:G6}");
    }

    [Fact]
    public void SingularValuesMatchAFiniteDifferenceJacobian()
    {
        // Rebuild the network from the documented streams and differentiate x_L(x_0) numerically.
        const int n = 6, depth = 3;
        var jacobian = InputOutputJacobian.Compute(MeanFieldNetworks.Gaussian(Activation.Tanh, 1.7, 0.2, n, depth),
            new JacobianOptions { InputLength = 0.9, Seed = 21 });
        var root = new RandomSource(21);
        var weights = new double[depth][];
        var biases = new double[depth][];
        for (int l = 1; l <= depth; l++)
        {
            weights[l - 1] = new double[n * n];
            root.Fork((ulong)l).FillNormal(weights[l - 1], 0, Math.Sqrt(1.7 / n));
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
                x = Enumerable.Range(0, n)
                    .Select(i => Math.Tanh(Enumerable.Range(0, n).Sum(k => w[i * n + k] * x[k]) + b[i])).ToArray();
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
        Assert.Equal(Math.Log(numeric.FrobeniusNorm() * numeric.FrobeniusNorm() / n),
            jacobian.LogMeanSquaredSingularValues[^1], 1e-8);
    }

    [Fact]
    public void DeepChaoticNetworksDoNotOverflow()
    {
        var jacobian = InputOutputJacobian.Compute(MeanFieldNetworks.Gaussian(Activation.Identity, 9, 0, 16, 400),
            new JacobianOptions { SpectrumDepths = [], Seed = 2 });
        Assert.All(jacobian.LogMeanSquaredSingularValues, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(double.PositiveInfinity, jacobian.MeanSquaredSingularValues[^1]); // 9^400 is beyond double
    }

    [Fact]
    public void DefaultInputSitsAtTheFixedPoint()
    {
        var network = MeanFieldNetworks.Gaussian(Activation.Tanh, 1.5, 0.1, 12, 3);
        var tanh = InputOutputJacobian.Compute(network);
        Assert.Equal(MeanFieldModel.For(network).FindLengthFixedPoint().Length, tanh.InputLength);
        Assert.Equal(new MeanFieldModel(Activation.Tanh, 1.5, 0.1).FindLengthFixedPoint().Length, tanh.InputLength,
            1e-13);
        Assert.Equal([3], tanh.SpectrumDepths); // the last layer's by default
        Assert.Equal(1,
            InputOutputJacobian.Compute(MeanFieldNetworks.Gaussian(Activation.ReLU, 3, 0.1, 8,
            3)).InputLength); // no fixed point
    }

    [Fact]
    public void SpectrumOnlyAtRequestedDepths()
    {
        var jacobian = InputOutputJacobian.Compute(MeanFieldNetworks.Gaussian(Activation.Tanh, 1, 0, 8, 5),
            new JacobianOptions { SpectrumDepths = [2], Seed = 1 });
        Assert.Equal([2], jacobian.SpectrumDepths);
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => jacobian.SingularValues(5)).ParamName);
    }

    public static TheoryData<string, JacobianOptions> BadOptions()
    {
        var good = new JacobianOptions();
        return new TheoryData<string, JacobianOptions>
        {
            { "InputLength", good with { InputLength = 0.05 } },
            { "InputLength", good with { InputLength = double.NaN } },
            { "SpectrumDepths", good with { SpectrumDepths = [4] } },
            { "SpectrumDepths", good with { SpectrumDepths = [0] } },
        };
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadOptionsNameThemselves(string option, JacobianOptions options) =>
        Assert.Equal(option, Assert.ThrowsAny<ArgumentException>(() =>
            InputOutputJacobian.Compute(MeanFieldNetworks.Gaussian(Activation.Tanh, 1, 0.1, 8, 3), options)).ParamName);

    [Fact]
    public void NetworksWithoutASquareJacobianOrAMeanFieldModelAreRejectedByName()
    {
        Assert.Equal("network", Assert.Throws<ArgumentException>(() =>
            InputOutputJacobian.Compute(DeepNetwork.Stack([8, 8, 6], Activation.Tanh, Init.HeNormal()))).ParamName);
        Assert.Equal("network", Assert.Throws<ArgumentException>(() =>
            InputOutputJacobian.Compute(DeepNetwork.Stack(3, 8, Activation.Tanh, Init.Eye()))).ParamName);
        Assert.Equal("network", Assert.Throws<ArgumentException>(() =>
            InputOutputJacobian.Compute(DeepNetwork.Stack(3, 8, Activation.Tanh,
                Init.HeNormal()).WithWeightScales([1, 2, 1]))).ParamName);
        Assert.Throws<ArgumentNullException>("network", () => InputOutputJacobian.Compute(null!));
    }

    [Fact]
    public void AClassifiersLinearLastLayerHasNoDerivativeFactor()
    {
        // D_L = I: the Jacobian of the classifier is W_L times the stack's J_{L-1}; with orthogonal W_L
        // (gain sqrt(1.3)) its singular values are those of the stack after L - 1 layers, times sqrt(1.3).
        var stack = MeanFieldNetworks.Orthogonal(Activation.Tanh, 1.3, 0.05, 12, 4);
        var classifier = DeepNetwork.Classifier(stack.Widths, stack.Activation, stack.WeightInitializer,
            stack.BiasInitializer);
        var options = new JacobianOptions { InputLength = 1, SpectrumDepths = [3, 4], Seed = 4 };
        var a = InputOutputJacobian.Compute(stack, options);
        var b = InputOutputJacobian.Compute(classifier, options);
        var expected = a.SingularValues(3);
        var actual = b.SingularValues(4);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i] * Math.Sqrt(1.3), actual[i], 1e-10);
    }
}
