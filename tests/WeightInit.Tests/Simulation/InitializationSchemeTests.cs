namespace WeightInit.Tests.Simulation;

/// <summary>
/// Xavier (Glorot &amp; Bengio 2010) and He (He et al. 2015) initializations through 128 layers of
/// width 512, forward and backward.
/// </summary>
public class InitializationSchemeTests
{
    private const int Depth = 128, Width = 512, Batch = 32;

    // The He-ReLU run serves two tests; computing it once keeps the suite fast.
    private static readonly Lazy<SimulationResult> HeReLU = new(() => Run(GaussianWeights.HeNormal, Activation.ReLU));

    private static SimulationResult Run(GaussianWeights init, Activation activation, ulong seed = 3) =>
        DeepNetworkSimulator.Run(DeepNetwork.Stack(Depth, Width, activation, init),
            new SimulationOptions { BatchSize = Batch, Precision = FloatPrecision.Double, Seed = seed,
                ComputeBackward = true });

    /// <summary>
    /// He with ReLU keeps E[x^2] constant in expectation, but at finite width the log of a sample's
    /// squared norm random-walks: its variance after l layers is about 5 l / n and its mean about
    /// -5 l / (2 n) (Hanin &amp; Rolnick 2018, "How to Start Training: The Effect of Initialization
    /// and Architecture"). So ln(RMS_l / RMS_0) lies within -5l/(4n) +- 4 sqrt(5 l / n) / 2;
    /// at l = 128, n = 512 that is the band [0.078, 6.8].
    /// </summary>
    private static (double Low, double High) HeReLUBand(int layers)
    {
        double v = 5.0 * layers / Width;
        return (Math.Exp(-v / 4 - 2 * Math.Sqrt(v)), Math.Exp(-v / 4 + 2 * Math.Sqrt(v)));
    }

    [Fact]
    public void HeWithReLUKeepsTheScaleForwardAndBackward()
    {
        var r = HeReLU.Value;
        for (int l = 1; l <= Depth; l++)
        {
            var (low, high) = HeReLUBand(l);
            Assert.InRange(r.Forward[l].RootMeanSquare / r.Forward[0].RootMeanSquare, low, high);
            var (bl, bh) = HeReLUBand(Depth - l + 1);
            Assert.InRange(r.Backward![l - 1].RootMeanSquare / r.Backward[Depth].RootMeanSquare, bl, bh);
        }
        Assert.Null(r.FirstNonFiniteLayer);
        Assert.Null(r.FirstAllZeroLayer);
    }

    /// <summary>
    /// Xavier with ReLU: with equal fans, Var(w) = 1/n, half of what ReLU needs, so E[x^2] halves at
    /// every layer. Because ReLU is positively homogeneous (ReLU(c z) = c ReLU(z) for c &gt; 0) and the
    /// Xavier weights here are the He weights (same draws) times 1/sqrt 2, the Xavier network's
    /// activations are exactly the He network's times 2^(-l/2), and its gradients at layer l the He
    /// gradients times 2^(-(L-l)/2): 2^-64 = 5.4e-20 after 128 layers. Exact up to rounding.
    /// </summary>
    [Fact]
    public void XavierWithReLUDecaysBySqrt2PerLayer()
    {
        var he = HeReLU.Value;
        var xavier = Run(GaussianWeights.XavierNormal, Activation.ReLU);
        for (int l = 0; l <= Depth; l++)
        {
            double expected = Math.Pow(2, -l / 2.0);
            Assert.Equal(1.0, xavier.Forward[l].RootMeanSquare / he.Forward[l].RootMeanSquare / expected, 1e-9);
            Assert.Equal(he.Forward[l].DeadFraction, xavier.Forward[l].DeadFraction);
            double expectedBack = Math.Pow(2, -(Depth - l) / 2.0);
            Assert.Equal(1.0, xavier.Backward![l].RootMeanSquare / he.Backward![l].RootMeanSquare / expectedBack, 1e-9);
        }
        Assert.True(xavier.Forward[Depth].RootMeanSquare < HeReLUBand(Depth).High * 5.5e-20);
    }

    /// <summary>
    /// Xavier with tanh: with Var(w) = 1/n the pre-activations' second moment follows the mean-field
    /// map q_l = E[tanh(sqrt(q_{l-1}) z)^2], z ~ N(0, 1) (Poole et al. 2016, "Exponential expressivity
    /// in deep neural networks through transient chaos"), which has slope 1 at q = 0: q decays only as
    /// about 1 / (2 l), a power law, not exponentially. Measured: the second moment of the activations
    /// stays within 20% of that map (finite width 512 and 32 samples), so the std stays within
    /// [0.05, 1] over 128 layers while the Xavier-ReLU network above loses 19 orders of magnitude.
    /// </summary>
    [Fact]
    public void XavierWithTanhFollowsTheMeanFieldMapAndStaysInBand()
    {
        var r = Run(GaussianWeights.XavierNormal, Activation.Tanh);
        double q = r.Forward[0].MeanSquare;
        for (int l = 1; l <= Depth; l++)
        {
            q = MeanSquareOfTanh(q);
            Assert.InRange(r.Forward[l].MeanSquare / q, 0.8, 1.25);
            Assert.InRange(r.Forward[l].Std, 0.05, 1.0);
            Assert.Equal(0.0, r.Forward[l].DeadFraction);
        }
        Assert.InRange(q, 1 / (2.0 * Depth) * 0.8, 1 / (2.0 * Depth) * 1.25);
        // The gradients shrink on the way down, too, but also only polynomially.
        Assert.InRange(r.Backward![0].Std / r.Backward[Depth].Std, 0.01, 1.0);
    }

    /// <summary>E[tanh(sqrt(q) z)^2] for z ~ N(0, 1), by Simpson's rule on [-10, 10].</summary>
    private static double MeanSquareOfTanh(double q)
    {
        const int intervals = 4000;
        double h = 20.0 / intervals, sum = 0;
        for (int i = 0; i <= intervals; i++)
        {
            double z = -10 + i * h;
            double t = Math.Tanh(Math.Sqrt(q) * z);
            double f = t * t * Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
            sum += f * (i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }

    /// <summary>
    /// Backward through the linear network with N(0, 1) weights: g_{l-1} = g_l W_l multiplies the
    /// gradient's std by sqrt(n) = 22.6 per layer on the way down, like the forward pass on the way up.
    /// Each layer's factor varies by about 1 / sqrt(2 n) = 3% for one sample; the geometric mean over
    /// 20 layers is within 5 of those deviations / sqrt(20), i.e. 3.5%; a single layer within 20%.
    /// </summary>
    [Fact]
    public void LinearNormalWeightsGradientGrowsBySqrtNPerLayerGoingDown()
    {
        const int depth = 20;
        var r = DeepNetworkSimulator.Run(DeepNetwork.Stack(depth, Width, Activation.Identity,
            GaussianWeights.Constant(1.0)),
            new SimulationOptions { BatchSize = Batch, Precision = FloatPrecision.Double, Seed = 4,
                ComputeBackward = true });
        double sqrtN = Math.Sqrt(Width);
        for (int l = depth; l >= 1; l--)
            Assert.InRange(r.Backward![l - 1].Std / r.Backward[l].Std, 0.8 * sqrtN, 1.2 * sqrtN);
        double perLayer = Math.Pow(r.Backward![0].Std / r.Backward[depth].Std, 1.0 / depth);
        Assert.InRange(perLayer, 0.965 * sqrtN, 1.035 * sqrtN);
        Assert.InRange(r.Backward[depth].Std, 0.95, 1.05); // the injected N(0, 1) signal, 32 x 512 draws
    }
}
