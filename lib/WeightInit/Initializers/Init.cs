namespace WeightInit.Initializers;

/// <summary>
/// Short names for every initializer, so that code reads like the formulas:
/// <c>Init.XavierNormal(gain: 1)</c>, <c>Init.HeUniform()</c>, <c>Init.Zeros</c>.
/// Each member's own type documents its formula and paper.
/// </summary>
public static class Init
{
    /// <summary>All zeros (<see cref="ZerosInitializer"/>).</summary>
    public static ZerosInitializer Zeros { get; } = new();

    /// <summary>All ones (<see cref="OnesInitializer"/>).</summary>
    public static OnesInitializer Ones { get; } = new();

    /// <summary>Every weight equal to <paramref name="value"/> (<see cref="ConstantInitializer"/>).</summary>
    /// <param name="value">The value; finite.</param>
    /// <returns>The initializer.</returns>
    public static ConstantInitializer Constant(double value) => new(value);

    /// <summary>U(low, high) (<see cref="UniformInitializer"/>).</summary>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound, greater than low.</param>
    /// <returns>The initializer.</returns>
    public static UniformInitializer Uniform(double low = 0.0, double high = 1.0) => new(low, high);

    /// <summary>N(mean, std^2) (<see cref="NormalInitializer"/>).</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="std">The standard deviation, non-negative.</param>
    /// <returns>The initializer.</returns>
    public static NormalInitializer Normal(double mean = 0.0, double std = 1.0) => new(mean, std);

    /// <summary>N(mean, std^2) truncated to the absolute bounds [low, high] (<see cref="TruncatedNormalInitializer"/>).</summary>
    /// <param name="mean">The mean before truncation.</param>
    /// <param name="std">The standard deviation before truncation, positive.</param>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound, greater than low.</param>
    /// <returns>The initializer.</returns>
    public static TruncatedNormalInitializer TruncatedNormal(double mean = 0.0, double std = 1.0, double low = -2.0, double high = 2.0) =>
        new(mean, std, low, high);

    /// <summary>Variance scale / n (<see cref="VarianceScalingInitializer"/>).</summary>
    /// <param name="scale">The variance numerator, positive.</param>
    /// <param name="mode">Which fan n is.</param>
    /// <param name="distribution">Truncated normal (Keras's default), normal or uniform.</param>
    /// <returns>The initializer.</returns>
    public static VarianceScalingInitializer VarianceScaling(double scale = 1.0, FanMode mode = FanMode.FanIn,
        VarianceScalingDistribution distribution = VarianceScalingDistribution.TruncatedNormal) => new(scale, mode, distribution);

    /// <summary>Xavier/Glorot normal, std = gain sqrt(2 / (fan_in + fan_out)) (<see cref="XavierNormalInitializer"/>).</summary>
    /// <param name="gain">The gain.</param>
    /// <returns>The initializer.</returns>
    public static XavierNormalInitializer XavierNormal(double gain = 1.0) => new(gain);

    /// <summary>Xavier/Glorot uniform, b = gain sqrt(6 / (fan_in + fan_out)) (<see cref="XavierUniformInitializer"/>).</summary>
    /// <param name="gain">The gain.</param>
    /// <returns>The initializer.</returns>
    public static XavierUniformInitializer XavierUniform(double gain = 1.0) => new(gain);

    /// <summary>He/Kaiming normal, std = gain / sqrt(n) (<see cref="HeNormalInitializer"/>).</summary>
    /// <param name="negativeSlope">The leaky ReLU's slope (LeakyReLU only).</param>
    /// <param name="mode">FanIn or FanOut.</param>
    /// <param name="nonlinearity">The nonlinearity that sets the gain.</param>
    /// <returns>The initializer.</returns>
    public static HeNormalInitializer HeNormal(double negativeSlope = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyReLU) => new(negativeSlope, mode, nonlinearity);

    /// <summary>He/Kaiming uniform, b = gain sqrt(3 / n) (<see cref="HeUniformInitializer"/>).</summary>
    /// <param name="negativeSlope">The leaky ReLU's slope (LeakyReLU only).</param>
    /// <param name="mode">FanIn or FanOut.</param>
    /// <param name="nonlinearity">The nonlinearity that sets the gain.</param>
    /// <returns>The initializer.</returns>
    public static HeUniformInitializer HeUniform(double negativeSlope = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyReLU) => new(negativeSlope, mode, nonlinearity);

    /// <summary>LeCun normal, N(0, 1 / fan_in) (<see cref="LeCunNormalInitializer"/>).</summary>
    public static LeCunNormalInitializer LeCunNormal { get; } = new();

    /// <summary>LeCun uniform, U(+-sqrt(3 / fan_in)) (<see cref="LeCunUniformInitializer"/>).</summary>
    public static LeCunUniformInitializer LeCunUniform { get; } = new();

    /// <summary>Keras's GlorotNormal: variance 1 / fan_avg, truncated normal.</summary>
    public static VarianceScalingInitializer KerasGlorotNormal { get; } = new(1.0, FanMode.FanAvg, VarianceScalingDistribution.TruncatedNormal);

    /// <summary>Keras's HeNormal: variance 2 / fan_in, truncated normal.</summary>
    public static VarianceScalingInitializer KerasHeNormal { get; } = new(2.0, FanMode.FanIn, VarianceScalingDistribution.TruncatedNormal);

    /// <summary>Keras's (and JAX's) LecunNormal: variance 1 / fan_in, truncated normal.</summary>
    public static VarianceScalingInitializer KerasLeCunNormal { get; } = new(1.0, FanMode.FanIn, VarianceScalingDistribution.TruncatedNormal);

    /// <summary>Orthogonal, gain * Q (<see cref="OrthogonalInitializer"/>).</summary>
    /// <param name="gain">The gain.</param>
    /// <returns>The initializer.</returns>
    public static OrthogonalInitializer Orthogonal(double gain = 1.0) => new(gain);

    /// <summary>The identity matrix (<see cref="EyeInitializer"/>).</summary>
    public static EyeInitializer Eye { get; } = new();

    /// <summary>The identity convolution (<see cref="DiracInitializer"/>).</summary>
    /// <param name="groups">The number of convolution groups.</param>
    /// <returns>The initializer.</returns>
    public static DiracInitializer Dirac(int groups = 1) => new(groups);

    /// <summary>Delta-orthogonal: gain * Q at the kernel's centre tap, zeros elsewhere (<see cref="DeltaOrthogonalInitializer"/>).</summary>
    /// <param name="gain">The factor applied to Q; finite and non-negative.</param>
    /// <returns>The initializer.</returns>
    public static DeltaOrthogonalInitializer DeltaOrthogonal(double gain = 1.0) => new(gain);

    /// <summary>Sparse columns of N(0, std^2) (<see cref="SparseInitializer"/>).</summary>
    /// <param name="sparsity">The fraction of zeros per column, in [0, 1).</param>
    /// <param name="std">The standard deviation of the non-zero entries.</param>
    /// <returns>The initializer.</returns>
    public static SparseInitializer Sparse(double sparsity, double std = 0.01) => new(sparsity, std);

    /// <summary>The article's simple form U(+-1/sqrt(fan_in)) (<see cref="SimpleUniformInitializer"/>).</summary>
    public static SimpleUniformInitializer SimpleUniform { get; } = new();

    /// <summary>PyTorch's nn.Linear default, kaiming_uniform_(a = sqrt(5)) (<see cref="PyTorchLinearDefaultInitializer"/>).</summary>
    public static PyTorchLinearDefaultInitializer PyTorchLinearDefault { get; } = new();
}
