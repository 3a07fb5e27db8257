using MathNet.Numerics.LinearAlgebra;
using WeightInit.Tests.Convolution;
using Xunit.Abstractions;

namespace WeightInit.Tests.Theory;

/// <summary>
/// The deep CNN's input-output Jacobian: against central finite differences of an independent scalar forward pass,
/// exactly orthogonal for linear delta-orthogonal networks at any depth, its input at the documented length,
/// deterministic from its seed, Xiao et al.'s contrast between delta-orthogonal and Gaussian kernels at criticality,
/// and one test per rule.
/// </summary>
public sealed class ConvolutionalJacobianTests(ITestOutputHelper output)
{
    private static readonly IWeightInitializer s_gaussian =
        Init.VarianceScaling(1.0, FanMode.FanIn, VarianceScalingDistribution.UntruncatedNormal);

    private static DeepConvNetwork Network(IWeightInitializer weights, Activation activation, int depth,
        PaddingMode padding = PaddingMode.Circular) =>
        DeepConvNetwork.Stack(depth, channels: 4, length: 8, activation, weights, padding: padding);

    [Theory]
    [InlineData(PaddingMode.Circular, 1.0)]
    [InlineData(PaddingMode.Zeros, 1.0)]
    [InlineData(PaddingMode.Circular, 1.1)]
    public void LinearDeltaOrthogonalHasEverySingularValueGainToTheDepth(PaddingMode padding, double gain)
    {
        var net = Network(Init.DeltaOrthogonal(gain), Activation.Identity, 50, padding);
        var result = ConvolutionalJacobian.Compute(net, new JacobianOptions { SpectrumDepths = [1, 10, 50], Seed = 5 });
        foreach (int depth in result.SpectrumDepths)
        {
            double expected = Math.Pow(gain, depth);
            Assert.All(result.SingularValues(depth), s => Assert.Equal(expected, s, 1e-10 * expected));
            Assert.Equal(2 * depth * Math.Log(gain), result.LogMeanSquaredSingularValues[depth - 1], 1e-10);
        }
    }

    [Theory]
    [InlineData(PaddingMode.Zeros, 0.0)]
    [InlineData(PaddingMode.Circular, 0.05)]
    public void JacobianMatchesCentralDifferencesOfTheNetwork(PaddingMode padding, double biasVariance)
    {
        const int channels = 2, length = 5, depth = 4;
        const double weightVariance = 1.5, inputLength = 0.9;
        const ulong seed = 19;
        var net = DeepConvNetwork.Stack(depth, channels, length, Activation.Tanh,
            Init.VarianceScaling(weightVariance, FanMode.FanIn, VarianceScalingDistribution.UntruncatedNormal),
            Init.Normal(0, Math.Sqrt(biasVariance)), padding: padding);
        var result = ConvolutionalJacobian.Compute(net,
            new JacobianOptions { InputLength = inputLength, SpectrumDepths = [1, 2, 3, 4], Seed = seed });
        Assert.Equal(inputLength, result.InputLength);

        // The network again, from the network's streams, through the scalar reference convolution; the input from
        // stream 0, scaled to |x|^2 / N = (q^1 - sigma_b^2) / sigma_w^2.
        var layers = new Conv1dLayer[depth];
        for (int l = 1; l <= depth; l++)
        {
            layers[l - 1] = new Conv1dLayer(channels, channels, 3, length, Activation.Tanh, padding);
            net.FillKernel(l, layers[l - 1].Weights, seed);
            net.FillBiases(l, layers[l - 1].Biases, seed);
        }
        int n = channels * length;
        var x0 = new double[n];
        new RandomSource(seed).Fork(0).FillNormal(x0, 0, 1);
        double scale = Math.Sqrt(n * (inputLength - biasVariance) / weightVariance / x0.Sum(v => v * v));
        for (int i = 0; i < n; i++) x0[i] *= scale;
        double[] Output(double[] x, int upTo) => ReferenceConvolution.Forward(layers[..upTo], x, 1);
        const double step = 1e-6;
        for (int d = 1; d <= depth; d++)
        {
            var j = Matrix<double>.Build.Dense(n, n);
            for (int s = 0; s < n; s++)
            {
                var plus = (double[])x0.Clone();
                var minus = (double[])x0.Clone();
                plus[s] += step;
                minus[s] -= step;
                var (yp, ym) = (Output(plus, d), Output(minus, d));
                for (int i = 0; i < n; i++) j[i, s] = (yp[i] - ym[i]) / (2 * step);
            }
            var expected = j.Svd(computeVectors: false).S.ToArray();
            var actual = result.SingularValues(d);
            for (int i = 0; i < n; i++) Assert.Equal(expected[i], actual[i], 1e-7 * expected[0]);
            double meanSquare = j.FrobeniusNorm() * j.FrobeniusNorm() / n;
            Assert.Equal(Math.Log(meanSquare), result.LogMeanSquaredSingularValues[d - 1], 1e-7);
        }
        // The first layer's pre-activations, |h_1|^2 / N, from the reference's linear first layer.
        var linear = new Conv1dLayer(channels, channels, 3, length, Activation.Identity, padding);
        layers[0].Weights.CopyTo(linear.Weights);
        layers[0].Biases.CopyTo(linear.Biases);
        var h1 = ReferenceConvolution.Forward([linear], x0, 1);
        Assert.Equal(h1.Sum(v => v * v) / n, result.PreActivationLengths[0], 1e-12);
    }

    [Fact]
    public void InputLengthIsTheFixedPointByDefault()
    {
        // tanh with sigma_w^2 = 1.5: the length map has a positive fixed point q*, where the input starts.
        var net = DeepConvNetwork.Stack(8, 4, 8, Activation.Tanh,
            Init.VarianceScaling(1.5, FanMode.FanIn, VarianceScalingDistribution.UntruncatedNormal));
        var result = ConvolutionalJacobian.Compute(net);
        var fixedPoint = new MeanFieldModel(Activation.Tanh, 1.5, 0).FindLengthFixedPoint();
        Assert.True(fixedPoint.Exists && fixedPoint.Length > 0.1);
        Assert.Equal(fixedPoint.Length, result.InputLength);
        Assert.Equal([8], result.SpectrumDepths);
        // A linear network has no positive fixed point: the input length is 1.
        Assert.Equal(1.0, ConvolutionalJacobian.Compute(Network(Init.DeltaOrthogonal(1.1), Activation.Identity, 2))
            .InputLength);
    }

    [Fact]
    public void SameSeedSameBits()
    {
        var net = DeepConvNetwork.Stack(12, 4, 8, Activation.ReLU, Init.HeNormal(), Init.Normal(0, 0.1));
        var options = new JacobianOptions { Seed = 5 };
        var a = ConvolutionalJacobian.Compute(net, options);
        var b = ConvolutionalJacobian.Compute(net, options);
        Assert.Equal(a.LogMeanSquaredSingularValues, b.LogMeanSquaredSingularValues);
        Assert.Equal(a.SingularValues(12), b.SingularValues(12));
        Assert.NotEqual(a.SingularValues(12),
            ConvolutionalJacobian.Compute(net, options with { Seed = 6 }).SingularValues(12));
    }

    [Fact]
    public void AtCriticalityDeltaOrthogonalKeepsTheSpectrumTighterThanGaussianKernels()
    {
        // Xiao et al. (2018): tanh with sigma_w^2 = 1 and no biases. Fraction of singular values within [1/2, 2]
        // of the root mean square after 64 layers, 16 channels x 16 positions.
        double Fraction(IWeightInitializer weights)
        {
            var net = DeepConvNetwork.Stack(64, channels: 16, length: 16, Activation.Tanh, weights);
            var result = ConvolutionalJacobian.Compute(net, new JacobianOptions { Seed = 1 });
            double rms = Math.Exp(result.LogMeanSquaredSingularValues[^1] / 2);
            return result.SingularValues(64).Count(s => s >= rms / 2 && s <= rms * 2) / 256.0;
        }
        double delta = Fraction(Init.DeltaOrthogonal(1.0));
        double gaussian = Fraction(s_gaussian);
        output.WriteLine($"within [rms/2, 2 rms] after 64 layers: delta-orthogonal {delta:P0}, Gaussian {gaussian:P0}");
        // The dense orthogonal network of notebook 11 keeps 58% after 32 layers.
        Assert.True(delta > 0.5 && delta > 5 * gaussian, $"delta-orthogonal {delta}, Gaussian {gaussian}");
    }

    [Fact]
    public void SpectrumAtAnotherDepthIsRefused()
    {
        var result = ConvolutionalJacobian.Compute(Network(Init.DeltaOrthogonal(), Activation.Tanh, 3));
        Assert.Equal([3], result.SpectrumDepths);
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => result.SingularValues(2)).ParamName);
    }

    [Fact]
    public void EveryRuleIsChecked()
    {
        var good = DeepConvNetwork.Stack(3, 4, 8, Activation.Tanh, Init.DeltaOrthogonal(), Init.Normal(0, 0.1));
        string? Param(DeepConvNetwork net, JacobianOptions? options = null) =>
            Assert.ThrowsAny<ArgumentException>(() => ConvolutionalJacobian.Compute(net, options)).ParamName;
        Assert.Equal("SpectrumDepths", Param(good, new JacobianOptions { SpectrumDepths = [4] }));
        Assert.Equal("SpectrumDepths", Param(good, new JacobianOptions { SpectrumDepths = [0] }));
        Assert.Equal("InputLength", Param(good, new JacobianOptions { InputLength = 0.001 })); // below sigma_b^2
        Assert.Equal("InputLength", Param(good, new JacobianOptions { InputLength = double.NaN }));
        Assert.Equal("network", Param(DeepConvNetwork.Stack(1, 64, 1024, Activation.Tanh, s_gaussian))); // N^2 = 2^32
        Assert.Equal("network", Param(DeepConvNetwork.Stack(3, 4, 8, Activation.Tanh, Init.Dirac())));
        Assert.Equal("network", Param(DeepConvNetwork.Stack(3, 4, 8, Activation.Tanh, Init.Zeros())));
        Assert.Equal("network", Param(DeepConvNetwork.Stack(3, 4, 8, Activation.Tanh, s_gaussian, Init.Ones())));
        Assert.Throws<ArgumentNullException>(() => ConvolutionalJacobian.Compute(null!));
    }
}
