namespace WeightInit.Initializers;

/// <summary>
/// The library's initializers, one method each, so that code reads like the formulas:
/// <c>Init.XavierNormal(gain: 1)</c>, <c>Init.HeUniform()</c>, <c>Init.Zeros()</c>. Every member is a method (with or
/// without arguments, a call reads the same), and returns <see cref="FanScaledInitializer"/> when the scale is a
/// formula of the fans (its <see cref="FanScaledInitializer.Std"/>, <see cref="FanScaledInitializer.Variance"/> and
/// <see cref="FanScaledInitializer.Bound"/> read that formula), <see cref="IWeightInitializer"/> otherwise.
/// </summary>
public static class Init
{
    /// <summary>All zeros.</summary>
    /// <returns>The initializer.</returns>
    public static IWeightInitializer Zeros() => new ZerosInitializer();

    /// <summary>All ones.</summary>
    /// <returns>The initializer.</returns>
    public static IWeightInitializer Ones() => new OnesInitializer();

    /// <summary>Every weight equal to <paramref name="value"/>.</summary>
    /// <param name="value">The value; finite.</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">value is NaN or infinite.</exception>
    public static IWeightInitializer Constant(double value) => new ConstantInitializer(value);

    /// <summary>U(low, high), PyTorch's <c>uniform_</c>.</summary>
    /// <param name="low">The lower bound; finite.</param>
    /// <param name="high">The upper bound; finite and greater than low.</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentException">A bound is not finite, or high is not greater than low.</exception>
    public static IWeightInitializer Uniform(double low = 0.0, double high = 1.0) => new UniformInitializer(low, high);

    /// <summary>N(mean, std^2), PyTorch's <c>normal_</c>.</summary>
    /// <param name="mean">The mean; finite.</param>
    /// <param name="std">The standard deviation; finite and non-negative (0 gives the constant mean).</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">mean is not finite, or std is negative or not finite.</exception>
    public static IWeightInitializer Normal(double mean = 0.0, double std = 1.0) => new NormalInitializer(mean, std);

    /// <summary>N(mean, std^2) truncated to the absolute bounds [low, high], PyTorch's <c>trunc_normal_</c>.</summary>
    /// <param name="mean">The mean before truncation.</param>
    /// <param name="std">The standard deviation before truncation, positive.</param>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound, greater than low.</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentException">A parameter is not finite, std is not positive, or high is not greater
    /// than low.</exception>
    public static IWeightInitializer TruncatedNormal(
        double mean = 0.0, double std = 1.0, double low = -2.0, double high = 2.0) =>
        new TruncatedNormalInitializer(mean, std, low, high);

    /// <summary>
    /// Variance scale / n with n = fan_in, fan_out, fan_avg or fan_geo_avg, drawn from a truncated normal, a normal or
    /// a uniform distribution: Keras's <c>VarianceScaling</c> and JAX's <c>variance_scaling</c>.
    /// </summary>
    /// <param name="scale">The variance numerator; finite and positive.</param>
    /// <param name="mode">Which fan n is.</param>
    /// <param name="distribution">Truncated normal (Keras's default), normal or uniform.</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">scale is not finite and positive, or an enum value is
    /// undefined.</exception>
    public static FanScaledInitializer VarianceScaling(double scale = 1.0, FanMode mode = FanMode.FanIn,
        VarianceScalingDistribution distribution = VarianceScalingDistribution.TruncatedNormal) =>
        new VarianceScalingInitializer(scale, mode, distribution);

    /// <summary>Xavier/Glorot normal, std = gain sqrt(2 / (fan_in + fan_out)) (Glorot &amp; Bengio 2010).</summary>
    /// <param name="gain">The gain; finite and non-negative.</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">gain is negative or not finite.</exception>
    public static FanScaledInitializer XavierNormal(double gain = 1.0) => new XavierInitializer(gain, uniform: false);

    /// <summary>Xavier/Glorot uniform, b = gain sqrt(6 / (fan_in + fan_out)) (Glorot &amp; Bengio 2010).</summary>
    /// <param name="gain">The gain; finite and non-negative.</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">gain is negative or not finite.</exception>
    public static FanScaledInitializer XavierUniform(double gain = 1.0) => new XavierInitializer(gain, uniform: true);

    /// <summary>
    /// He/Kaiming normal, std = gain / sqrt(n), gain = <see cref="Gain.For(Nonlinearity, double?)"/> (He et al. 2015):
    /// PyTorch's <c>kaiming_normal_(a, mode, nonlinearity)</c>, whose defaults give gain sqrt(2).
    /// </summary>
    /// <param name="negativeSlope">The leaky ReLU's slope a (LeakyReLU only; otherwise 0).</param>
    /// <param name="mode">FanIn or FanOut.</param>
    /// <param name="nonlinearity">The nonlinearity that sets the gain.</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentException">mode is FanAvg or FanGeoAvg, or a slope is given for a nonlinearity
    /// other than LeakyReLU.</exception>
    /// <exception cref="ArgumentOutOfRangeException">negativeSlope is not finite, or an enum value is
    /// undefined.</exception>
    public static FanScaledInitializer HeNormal(double negativeSlope = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyReLU) =>
            new HeInitializer(false, negativeSlope, mode, nonlinearity);

    /// <summary>He/Kaiming uniform, b = gain sqrt(3 / n): PyTorch's <c>kaiming_uniform_</c> (He et al. 2015).</summary>
    /// <param name="negativeSlope">The leaky ReLU's slope a (LeakyReLU only; otherwise 0).</param>
    /// <param name="mode">FanIn or FanOut.</param>
    /// <param name="nonlinearity">The nonlinearity that sets the gain.</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentException">mode is FanAvg or FanGeoAvg, or a slope is given for a nonlinearity
    /// other than LeakyReLU.</exception>
    /// <exception cref="ArgumentOutOfRangeException">negativeSlope is not finite, or an enum value is
    /// undefined.</exception>
    public static FanScaledInitializer HeUniform(double negativeSlope = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyReLU) =>
            new HeInitializer(true, negativeSlope, mode, nonlinearity);

    /// <summary>LeCun normal, N(0, 1 / fan_in) (LeCun et al. 1998, "Efficient BackProp").</summary>
    /// <returns>The initializer.</returns>
    public static FanScaledInitializer LeCunNormal() => new LeCunInitializer(uniform: false);

    /// <summary>LeCun uniform, U(+-sqrt(3 / fan_in)) (LeCun et al. 1998).</summary>
    /// <returns>The initializer.</returns>
    public static FanScaledInitializer LeCunUniform() => new LeCunInitializer(uniform: true);

    /// <summary>Keras's GlorotNormal: variance 1 / fan_avg, truncated normal.</summary>
    /// <returns>The initializer.</returns>
    public static FanScaledInitializer KerasGlorotNormal() =>
        new VarianceScalingInitializer(1.0, FanMode.FanAvg, VarianceScalingDistribution.TruncatedNormal);

    /// <summary>Keras's HeNormal: variance 2 / fan_in, truncated normal.</summary>
    /// <returns>The initializer.</returns>
    public static FanScaledInitializer KerasHeNormal() =>
        new VarianceScalingInitializer(2.0, FanMode.FanIn, VarianceScalingDistribution.TruncatedNormal);

    /// <summary>Keras's (and JAX's) LecunNormal: variance 1 / fan_in, truncated normal.</summary>
    /// <returns>The initializer.</returns>
    public static FanScaledInitializer KerasLeCunNormal() =>
        new VarianceScalingInitializer(1.0, FanMode.FanIn, VarianceScalingDistribution.TruncatedNormal);

    /// <summary>
    /// Orthogonal, gain * Q with Q from the QR decomposition of a Gaussian matrix (Saxe et al. 2013), PyTorch's
    /// <c>orthogonal_</c>; each entry has variance gain^2 / max(rows, cols).
    /// </summary>
    /// <param name="gain">The gain; finite and non-negative.</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">gain is negative or not finite.</exception>
    public static IWeightInitializer Orthogonal(double gain = 1.0) => new OrthogonalInitializer(gain);

    /// <summary>The identity matrix, PyTorch's <c>eye_</c>.</summary>
    /// <returns>The initializer.</returns>
    public static IWeightInitializer Eye() => new EyeInitializer();

    /// <summary>The identity convolution, PyTorch's <c>dirac_</c>.</summary>
    /// <param name="groups">The number of convolution groups; positive and dividing the output channels.</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">groups is not positive.</exception>
    public static IWeightInitializer Dirac(int groups = 1) => new DiracInitializer(groups);

    /// <summary>
    /// Delta-orthogonal (Xiao et al. 2018, arXiv 1806.05393): gain * Q, Q a Haar (semi-)orthogonal out x in matrix, at
    /// the kernel's centre tap and zeros elsewhere; a convolution with circular 'same' padding is then gain times an
    /// orthogonal map. Every kernel size must be odd (a centre tap that 'same' padding aligns with the output).
    /// </summary>
    /// <param name="gain">The factor applied to Q; finite and non-negative (sqrt(sigma_w^2) at criticality).</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">gain is negative or not finite.</exception>
    public static IWeightInitializer DeltaOrthogonal(double gain = 1.0) => new DeltaOrthogonalInitializer(gain);

    /// <summary>Sparse columns of N(0, std^2) (Martens 2010), PyTorch's <c>sparse_</c>.</summary>
    /// <param name="sparsity">The fraction of zeros per column, in [0, 1).</param>
    /// <param name="std">The standard deviation of the non-zero entries; finite and non-negative.</param>
    /// <returns>The initializer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">sparsity is outside [0, 1), or std is negative or not
    /// finite.</exception>
    public static IWeightInitializer Sparse(double sparsity, double std = 0.01) => new SparseInitializer(sparsity, std);

    /// <summary>The article's simple form U(+-1/sqrt(fan_in)).</summary>
    /// <returns>The initializer.</returns>
    public static FanScaledInitializer SimpleUniform() => new SimpleUniformInitializer();

    /// <summary>PyTorch's nn.Linear default, kaiming_uniform_(a = sqrt(5)): U(+-1/sqrt(fan_in)), variance
    /// 1 / (3 fan_in).</summary>
    /// <returns>The initializer.</returns>
    public static FanScaledInitializer PyTorchLinearDefault() => new PyTorchLinearDefaultInitializer();
}
