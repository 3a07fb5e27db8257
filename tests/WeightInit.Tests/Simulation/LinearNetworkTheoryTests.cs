namespace WeightInit.Tests.Simulation;

public class LinearNetworkTheoryTests
{
    [Fact]
    public void GrowthFactors()
    {
        Assert.Equal(Math.Sqrt(512), LinearNetworkTheory.StdGrowthFactor(512, 1.0), 1e-12);
        Assert.Equal(0.2262741699796952, LinearNetworkTheory.StdGrowthFactor(512, 0.01), 1e-15);
        // He: sigma_w^2 = 2/n with ReLU's factor 1/2 gives exactly 1; Xavier with ReLU 1/sqrt 2.
        Assert.Equal(1.0,
            LinearNetworkTheory.StdGrowthFactor(512, Math.Sqrt(2.0 / 512),
            LinearNetworkTheory.SecondMomentFactor(Activation.ReLU)!.Value), 1e-15);
        Assert.Equal(Math.Sqrt(0.5), LinearNetworkTheory.StdGrowthFactor(512, Math.Sqrt(1.0 / 512), 0.5), 1e-15);
        Assert.Equal(1.0, LinearNetworkTheory.SecondMomentFactor(Activation.Identity));
        Assert.Null(LinearNetworkTheory.SecondMomentFactor(Activation.Tanh));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(0.2)]
    [InlineData(-0.5)]
    public void LeakyReluSecondMomentFactorIsHalfOfOnePlusTheSlopeSquared(double slope)
    {
        var leaky = Activation.CreateLeakyReLU(slope);
        double factor = (1 + slope * slope) / 2;
        Assert.Equal(factor, LinearNetworkTheory.SecondMomentFactor(leaky)!.Value, 1e-15);
        // Sampled: for z ~ N(0, 1), E[z^2] = 1, so mean(f(z)^2) estimates the factor; E[f^4] = 3 (1 + a^4) / 2
        // gives its standard error. Tolerance 5 standard errors, fixed seed.
        var z = new double[1 << 20];
        new RandomSource(5).FillNormal(z, 0, 1);
        var f = new double[z.Length];
        leaky.Apply(z, f);
        double meanSquare = f.Average(v => v * v);
        double se = Math.Sqrt((3 * (1 + Math.Pow(slope, 4)) / 2 - factor * factor) / z.Length);
        Assert.True(Math.Abs(meanSquare - factor) <= 5 * se,
            $"mean f(z)^2 = {meanSquare:R}, factor {factor:R}, 5 SE = {5 * se:G3}");
    }

    [Fact]
    public void RangeLimits()
    {
        Assert.Equal(float.MaxValue, LinearNetworkTheory.MaxValue(FloatPrecision.Single));
        Assert.Equal(double.MaxValue, LinearNetworkTheory.MaxValue(FloatPrecision.Double));
        Assert.Equal(float.Epsilon, LinearNetworkTheory.SmallestSubnormal(FloatPrecision.Single));
        Assert.Equal(double.Epsilon, LinearNetworkTheory.SmallestSubnormal(FloatPrecision.Double));
        Assert.Equal((double)BitConverter.Int32BitsToSingle(0x00800000),
            LinearNetworkTheory.SmallestNormal(FloatPrecision.Single));
        Assert.Equal(BitConverter.Int64BitsToDouble(0x0010000000000000),
            LinearNetworkTheory.SmallestNormal(FloatPrecision.Double));
    }

    [Fact]
    public void PredictedLayers()
    {
        // log(MaxValue / std) / log(factor): the overflow layer shifts by log(2)/log(22.6) for an input twice as wide.
        double f = Math.Sqrt(512);
        double l1 = LinearNetworkTheory.PredictedOverflowLayer(f, FloatPrecision.Single)!.Value;
        double l2 = LinearNetworkTheory.PredictedOverflowLayer(f, FloatPrecision.Single, inputStd: 2)!.Value;
        Assert.Equal(Math.Log(2) / Math.Log(f), l1 - l2, 1e-12);
        Assert.Null(LinearNetworkTheory.PredictedOverflowLayer(0.5, FloatPrecision.Double));
        Assert.Null(LinearNetworkTheory.PredictedZeroLayer(1.0, FloatPrecision.Double));
        Assert.Null(LinearNetworkTheory.PredictedSubnormalLayer(2.0, FloatPrecision.Double));
        Assert.Equal(Math.Pow(0.5, 10), LinearNetworkTheory.PredictedStd(0.5, 10));
        // Consistency: the predicted std at the predicted zero layer is the smallest subnormal.
        double z = LinearNetworkTheory.PredictedZeroLayer(0.3, FloatPrecision.Double)!.Value;
        Assert.Equal(Math.Log(double.Epsilon), Math.Log(Math.Pow(0.3, z)), 1e-9);
    }

    [Fact]
    public void BadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>("width", () => LinearNetworkTheory.StdGrowthFactor(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>("weightStd", () =>
            LinearNetworkTheory.StdGrowthFactor(4, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("weightStd", () => LinearNetworkTheory.StdGrowthFactor(4, -1));
        Assert.Throws<ArgumentOutOfRangeException>("secondMomentFactor", () =>
            LinearNetworkTheory.StdGrowthFactor(4, 1, -0.5));
        Assert.Throws<ArgumentOutOfRangeException>("growthFactor", () =>
            LinearNetworkTheory.PredictedOverflowLayer(0, FloatPrecision.Single));
        Assert.Throws<ArgumentOutOfRangeException>("inputStd", () =>
            LinearNetworkTheory.PredictedZeroLayer(0.5, FloatPrecision.Single, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("precision", () => LinearNetworkTheory.MaxValue((FloatPrecision)9));
        Assert.Throws<ArgumentOutOfRangeException>("layers", () => LinearNetworkTheory.PredictedStd(0.5, -1));
        Assert.Throws<ArgumentNullException>("activation", () => LinearNetworkTheory.SecondMomentFactor(null!));
    }
}
