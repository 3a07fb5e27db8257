using WeightInit.Tests.Support;

namespace WeightInit.Tests.Theory;

public class MeanFieldModelTests
{
    [Theory]
    [MemberData(nameof(MeanFieldReference.FixedPoints), MemberType = typeof(MeanFieldReference))]
    public void FixedPointAndChi1MatchMpmath(string activation, double weightVariance, double biasVariance, double q,
        double chi1)
    {
        var analysis = new MeanFieldModel(Activation.FromName(activation), weightVariance, biasVariance).Analyze();
        Assert.Equal(q, analysis.FixedPointLength, q * 1e-11);
        Assert.Equal(chi1, analysis.Chi1, 1e-11);
    }

    [Theory]
    [MemberData(nameof(MeanFieldReference.CorrelationMap), MemberType = typeof(MeanFieldReference))]
    public void CorrelationMapMatchesMpmath(string activation, double weightVariance, double biasVariance, double q,
        double c, double expected)
    {
        var model = new MeanFieldModel(Activation.FromName(activation), weightVariance, biasVariance);
        Assert.Equal(expected, model.NextCorrelation(c, q), 1e-11);
    }

    [Theory]
    [MemberData(nameof(MeanFieldReference.ChaoticFixedPoints), MemberType = typeof(MeanFieldReference))]
    public void ChaoticCorrelationFixedPointMatchesMpmath(double weightVariance, double biasVariance, double c,
        double chiC)
    {
        var analysis = new MeanFieldModel(Activation.Tanh, weightVariance, biasVariance).Analyze();
        Assert.Equal(MeanFieldPhase.Chaotic, analysis.Phase);
        Assert.Equal(c, analysis.CorrelationFixedPoint, 1e-10);
        Assert.Equal(chiC, analysis.CorrelationMapSlope, 1e-10);
        Assert.Equal(-1 / Math.Log(chiC), analysis.CorrelationDepthScale, 1e-8 * analysis.CorrelationDepthScale);
    }

    [Theory]
    [InlineData(1.0, 0.1)]
    [InlineData(1.5, 0.05)]
    [InlineData(1.9, 0.3)]
    public void ReLUOrderedPhaseHasClosedForms(double weightVariance, double biasVariance)
    {
        // q* = sigma_b^2 / (1 - sigma_w^2 / 2), chi_1 = sigma_w^2 / 2, c* = 1, xi_c = -1 / ln chi_1.
        var analysis = new MeanFieldModel(Activation.ReLU, weightVariance, biasVariance).Analyze();
        Assert.Equal(biasVariance / (1 - weightVariance / 2), analysis.FixedPointLength, 1e-12);
        Assert.Equal(weightVariance / 2, analysis.Chi1, 1e-14);
        Assert.Equal(MeanFieldPhase.Ordered, analysis.Phase);
        Assert.Equal(1, analysis.CorrelationFixedPoint);
        Assert.Equal(-1 / Math.Log(weightVariance / 2), analysis.CorrelationDepthScale, 1e-10);
        // The length map is affine with slope sigma_w^2 / 2.
        Assert.Equal(weightVariance / 2, analysis.LengthMapSlope, 1e-13);
    }

    [Fact]
    public void ReLUAtHeIsCriticalForEveryLength()
    {
        var analysis = new MeanFieldModel(Activation.ReLU, 2, 0).Analyze(initialLength: 3.5);
        Assert.Equal(3.5, analysis.FixedPointLength);
        Assert.Equal(MeanFieldPhase.Critical, analysis.Phase);
        Assert.Equal(double.PositiveInfinity, analysis.CorrelationDepthScale);
        Assert.Equal(double.PositiveInfinity, analysis.LengthDepthScale);
    }

    [Theory]
    [InlineData(0.5, 0.2)]
    [InlineData(0.9, 0.01)]
    public void IdentityHasClosedForms(double weightVariance, double biasVariance)
    {
        var analysis = new MeanFieldModel(Activation.Identity, weightVariance, biasVariance).Analyze();
        Assert.Equal(biasVariance / (1 - weightVariance), analysis.FixedPointLength, 1e-12);
        Assert.Equal(weightVariance, analysis.Chi1, 1e-14);
    }

    [Fact]
    public void TanhWithoutBiasesIsCriticalAtOne()
    {
        // sigma_b^2 = 0: q* = 0 for sigma_w^2 <= 1 (the signal vanishes), chi_1 = sigma_w^2 there.
        var below = new MeanFieldModel(Activation.Tanh, 0.8, 0).Analyze();
        Assert.Equal(0, below.FixedPointLength);
        Assert.Equal(0.8, below.Chi1, 1e-15);
        Assert.False(below.HasCorrelationMap);
        Assert.Contains("vanishes",
            Assert.Throws<InvalidOperationException>(() => below.CorrelationFixedPoint).Message);
        var at = new MeanFieldModel(Activation.Tanh, 1, 0).Analyze();
        Assert.Equal(0, at.FixedPointLength);
        Assert.Equal(MeanFieldPhase.Critical, at.Phase);
        var above = new MeanFieldModel(Activation.Tanh, 1.2, 0).Analyze();
        Assert.True(above.FixedPointLength > 0);
        Assert.Equal(MeanFieldPhase.Chaotic, above.Phase);
        Assert.Equal(0, above.CorrelationFixedPoint); // odd phi, no bias: uncorrelated inputs stay uncorrelated
    }

    [Fact]
    public void GeluUnderHeCollapsesToZero()
    {
        // GELU(x) ~ x/2 near 0, so with sigma_w^2 = 2 the length map's slope at 0 is 1/2: the signal dies (notebook
        // 06's finding).
        var analysis = new MeanFieldModel(Activation.Gelu, 2, 0).Analyze();
        Assert.Equal(0, analysis.FixedPointLength);
        Assert.Equal(0.5, analysis.Chi1, 1e-15);
    }

    [Fact]
    public void FixedPointIsAFixedPointAndIterationApproachesIt()
    {
        var model = new MeanFieldModel(Activation.Tanh, 1.7, 0.12);
        double q = model.FindLengthFixedPoint().Length;
        Assert.Equal(q, model.NextLength(q), q * 1e-13);
        var lengths = model.PropagateLength(5, 60);
        Assert.Equal(q, lengths[^1], q * 1e-10);
        var analysis = model.Analyze();
        // |q_l - q*| shrinks by F'(q*) per layer.
        double ratio = (lengths[31] - q) / (lengths[30] - q);
        Assert.Equal(analysis.LengthMapSlope, ratio, 1e-4);
    }

    [Fact]
    public void LengthMapSlopeIsTheDerivative()
    {
        var model = new MeanFieldModel(Activation.Elu, 1.3, 0.05);
        const double q = 0.8, h = 1e-5;
        double numeric = (model.NextLength(q + h) - model.NextLength(q - h)) / (2 * h);
        Assert.Equal(numeric, model.LengthMapSlope(q), 1e-8);
    }

    [Fact]
    public void CorrelationMapSlopeIsTheDerivative()
    {
        var model = new MeanFieldModel(Activation.Tanh, 2.2, 0.1);
        const double q = 1.1, c = 0.4, h = 1e-5;
        double numeric = (model.NextCorrelation(c + h, q) - model.NextCorrelation(c - h, q)) / (2 * h);
        Assert.Equal(numeric, model.CorrelationMapSlope(c, q), 1e-8);
    }

    [Fact]
    public void ReLUWithLargeWeightsHasNoFixedPoint()
    {
        var analysis = new MeanFieldModel(Activation.ReLU, 2.5, 0.1).Analyze();
        Assert.False(analysis.HasFixedPoint);
        Assert.False(analysis.FixedPoint.Exists);
        Assert.Contains("explodes", analysis.FixedPoint.Description);
        Assert.Contains("no fixed point",
            Assert.Throws<InvalidOperationException>(() => analysis.FixedPointLength).Message);
        Assert.Throws<InvalidOperationException>(() => analysis.Chi1);
        Assert.Throws<InvalidOperationException>(() => analysis.CorrelationDepthScale);
        Assert.Contains("no fixed point", analysis.ToString());
    }

    [Fact]
    public void ExhaustedBudgetSaysNoFixedPoint()
    {
        // From q_0 = 1 the ReLU map with sigma_w^2 = 1.9999 needs 11 doublings to pass q* = 0.1 / (1 - 1.9999 / 2) =
        // 2000.
        var fixedPoint = new MeanFieldModel(Activation.ReLU, 1.9999, 0.1).FindLengthFixedPoint(maxEvaluations: 10);
        Assert.False(fixedPoint.Exists);
        Assert.Contains("within 10 evaluations", fixedPoint.Description);
        Assert.Throws<InvalidOperationException>(() => fixedPoint.Length);
        // With the default budget it is found (to 1e-8: the map's slope 0.99995 amplifies rounding 2e4-fold).
        Assert.Equal(2000, new MeanFieldModel(Activation.ReLU, 1.9999, 0.1).FindLengthFixedPoint().Length, 2000 * 1e-8);
    }

    [Fact]
    public void PairRecursionKeepsEqualInputsPerfectlyCorrelated()
    {
        var model = new MeanFieldModel(Activation.Selu, 1, 0.02);
        var states = model.PropagatePair(new SignalPair(1, 1, 1), 5);
        Assert.All(states, s => Assert.Equal(1, s.Correlation, 1e-12));
        Assert.Equal(model.PropagateLength(1, 5), states.Select(s => s.Length1).ToArray());
    }

    [Theory]
    [MemberData(nameof(BadValues.NotFinitePositive), MemberType = typeof(BadValues))]
    public void WeightVarianceMustBeFiniteAndPositive(double weightVariance) =>
        Assert.Equal("weightVariance",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MeanFieldModel(Activation.Tanh, weightVariance, 0)).ParamName);

    [Theory]
    [InlineData(-1e-12)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void BiasVarianceMustBeFiniteAndNonNegative(double biasVariance) =>
        Assert.Equal("biasVariance",
            Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MeanFieldModel(Activation.Tanh, 1, biasVariance)).ParamName);

    [Fact]
    public void ActivationIsRequired() => Assert.Throws<ArgumentNullException>(() => new MeanFieldModel(null!, 1, 0));

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void LengthMustBeFiniteAndNonNegative(double q)
    {
        var model = new MeanFieldModel(Activation.Tanh, 1, 0);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => model.NextLength(q)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => model.Chi1(q)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => model.LengthMapSlope(q)).ParamName);
        Assert.Equal("initialLength",
            Assert.Throws<ArgumentOutOfRangeException>(() => model.PropagateLength(q, 3)).ParamName);
    }

    [Fact]
    public void CorrelationMapNeedsAPositiveLength() =>
        Assert.Equal("length",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MeanFieldModel(Activation.Tanh, 1, 0)
            .NextCorrelation(0.5, 0)).ParamName);

    [Theory]
    [InlineData(1.01)]
    [InlineData(-2)]
    public void CorrelationMustBeInMinusOneToOne(double c)
    {
        var model = new MeanFieldModel(Activation.Tanh, 1, 0.1);
        Assert.Equal("correlation",
            Assert.Throws<ArgumentOutOfRangeException>(() => model.NextCorrelation(c, 1)).ParamName);
        Assert.Equal("pair.Correlation",
            Assert.Throws<ArgumentOutOfRangeException>(() => model.NextPair(new SignalPair(1, 1, c))).ParamName);
    }

    [Fact]
    public void InitialLengthMustBePositive() =>
        Assert.Equal("initialLength",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MeanFieldModel(Activation.Tanh, 1, 0)
            .FindLengthFixedPoint(0)).ParamName);

    [Fact]
    public void BudgetMustBeAtLeastTen() =>
        Assert.Equal("maxEvaluations",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MeanFieldModel(Activation.Tanh, 1, 0)
            .FindLengthFixedPoint(1, 9)).ParamName);

    [Fact]
    public void LayersMustBePositive() =>
        Assert.Equal("layers",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MeanFieldModel(Activation.Tanh, 1, 0)
            .PropagateLength(1, 0)).ParamName);

    [Fact]
    public void PairWithZeroNextLengthsHasNoCorrelation() =>
        Assert.Equal("pair",
            Assert.Throws<ArgumentException>(() => new MeanFieldModel(Activation.Tanh, 1, 0)
            .NextPair(new SignalPair(0, 0, 0.5))).ParamName);

    [Fact]
    public void DepthScaleOfASlopeBelowOne()
    {
        Assert.Equal(-1 / Math.Log(0.5), SignalPropagation.DepthScale(0.5), 1e-15);
        Assert.Equal(double.PositiveInfinity, SignalPropagation.DepthScale(1));
        Assert.Equal("slope",
            Assert.Throws<ArgumentOutOfRangeException>(() => SignalPropagation.DepthScale(-0.1)).ParamName);
    }

    [Fact]
    public void ForReadsTheVariancesFromTheNetwork()
    {
        var he = MeanFieldModel.For(DeepNetwork.Stack([40, 30, 20, 10], Activation.ReLU, Init.HeNormal(),
            Init.Normal(0, 0.3)));
        Assert.Same(Activation.ReLU, he.Activation);
        Assert.Equal(2.0, he.WeightVariance, 1e-14); // fan-in scaled: one sigma_w^2 whatever the widths
        Assert.Equal(0.09, he.BiasVariance, 1e-16);
        var orthogonal = MeanFieldModel.For(DeepNetwork.Stack(5, 32, Activation.Tanh, Init.Orthogonal(Math.Sqrt(1.7))));
        Assert.Equal(1.7, orthogonal.WeightVariance, 1e-14);
        Assert.Equal(0.0, orthogonal.BiasVariance);
        var truncated = MeanFieldModel.For(DeepNetwork.Stack(3, 64, Activation.Tanh, Init.KerasGlorotNormal(),
            Init.Uniform(-0.3, 0.3)));
        Assert.Equal(1.0, truncated.WeightVariance, 1e-14);
        Assert.Equal(0.03, truncated.BiasVariance, 1e-16);
        // A classifier's linear last layer does not change the pre-activations the model follows.
        Assert.Same(Activation.Tanh,
            MeanFieldModel.For(DeepNetwork.Classifier([8, 8, 8, 3], Activation.Tanh, Init.LeCunNormal())).Activation);
        Assert.Equal(4.0,
            MeanFieldModel.For(DeepNetwork.Stack(3, 8, Activation.Tanh,
            Init.LeCunNormal()).WithWeightScales([2, 2, 2])).WeightVariance, 1e-14);
    }

    public static TheoryData<string, DeepNetwork> NetworksWithoutOneModel => new()
    {
        { "weights with no variance (the identity)", DeepNetwork.Stack(3, 8, Activation.Tanh, Init.Eye()) },
        { "weights of nonzero mean", DeepNetwork.Stack(3, 8, Activation.Tanh, Init.Normal(0.1, 1)) },
        { "biases of nonzero mean", DeepNetwork.Stack(3, 8, Activation.Tanh, Init.HeNormal(), Init.Constant(0.1)) },
        { "layers scaled differently",
            DeepNetwork.Stack(3, 8, Activation.Tanh, Init.HeNormal()).WithWeightScales([1, 2, 1]) },
        { "fan-average weights on changing widths",
            DeepNetwork.Stack([30, 20, 10], Activation.Tanh, Init.XavierNormal()) },
        { "zero weights (sigma_w^2 = 0)", DeepNetwork.Stack(3, 8, Activation.Tanh, Init.Zeros()) },
    };

    [Theory]
    [MemberData(nameof(NetworksWithoutOneModel))]
    public void ForRejectsANetworkWithoutOneSigmaWAndSigmaBByName(string what, DeepNetwork network)
    {
        var e = Assert.Throws<ArgumentException>(() => MeanFieldModel.For(network));
        Assert.True(e.ParamName == "network", what);
        Assert.Contains("sigma_", e.Message);
    }

    [Fact]
    public void ForNeedsANetwork() => Assert.Throws<ArgumentNullException>("network", () => MeanFieldModel.For(null!));
}
