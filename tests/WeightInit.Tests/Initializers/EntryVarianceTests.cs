using WeightInit.Tests.Support;

namespace WeightInit.Tests.Initializers;

/// <summary>
/// <see cref="IWeightInitializer.EntryVariance"/>: the variance each initializer states for its entries, against the
/// distribution the formula promises (computed independently in <see cref="Distribution"/>), against the variance of
/// its own draws (5 standard errors, fixed seed), and against PyTorch's formulas; null wherever the entries do not
/// have mean zero.
/// </summary>
public class EntryVarianceTests
{
    private const ulong Seed = 20260102;

    private static double[] Draw(IWeightInitializer initializer, int[] shape)
    {
        var w = new double[shape.Aggregate(1, (a, b) => a * b)];
        initializer.Fill(w, shape, new RandomSource(Seed));
        return w;
    }

    [Theory]
    [MemberData(nameof(DistributionCases.Names), MemberType = typeof(DistributionCases))]
    public void StatedVarianceIsThePromisedDistributionsAndThatOfTheDraws(string name)
    {
        var c = DistributionCases.Get(name);
        double? stated = c.Initializer.EntryVariance(c.Shape);
        if (c.Expected.Mean != 0)
        {
            Assert.Null(stated);
            return;
        }
        Assert.NotNull(stated);
        // The truncated cases' moments are integrated numerically (to about 1e-10); the others are closed forms.
        Assert.Equal(c.Expected.Variance, stated!.Value, (c.Truncated ? 1e-9 : 1e-13) * c.Expected.Variance);
        StatisticalAssert.VarianceWithin(Draw(c.Initializer, c.Shape), stated.Value, c.Expected.Kurtosis);
    }

    public static TheoryData<string, IWeightInitializer, int[], double> PyTorchFormulas => new()
    {
        // torch.nn.init: kaiming_*: gain^2 / fan_mode; xavier_*: gain^2 * 2 / (fan_in + fan_out); nn.Linear's default
        // kaiming_uniform_(a = sqrt(5)): 1 / (3 fan_in); normal_(0, std): std^2; orthogonal_(gain): gain^2 / max(rows,
        // cols).
        { "kaiming_normal_ relu", Init.HeNormal(0, FanMode.FanIn, Nonlinearity.ReLU), [64, 32], 2.0 / 32 },
        { "kaiming_uniform_ tanh fan_out", Init.HeUniform(0, FanMode.FanOut, Nonlinearity.Tanh), [64, 32], 25.0 / 9
            / 64 },
        { "kaiming_normal_ leaky 0.2 conv", Init.HeNormal(0.2), [16, 8, 3, 3], 2.0 / 1.04 / 72 },
        { "xavier_normal_ gain 2", Init.XavierNormal(2), [30, 50], 4.0 * 2 / 80 },
        { "xavier_uniform_ conv", Init.XavierUniform(), [16, 8, 3, 3], 2.0 / (72 + 144) },
        { "nn.Linear default", Init.PyTorchLinearDefault(), [10, 300], 1.0 / 900 },
        { "simple uniform", Init.SimpleUniform(), [10, 300], 1.0 / 900 },
        { "LeCun normal", Init.LeCunNormal(), [10, 300], 1.0 / 300 },
        { "normal_(0, 0.05)", Init.Normal(0, 0.05), [7, 9], 0.0025 },
        { "uniform_(-0.3, 0.3)", Init.Uniform(-0.3, 0.3), [7], 0.36 / 12 },
        { "orthogonal_ tall", Init.Orthogonal(1.5), [50, 20], 2.25 / 50 },
        { "orthogonal_ wide", Init.Orthogonal(1.5), [20, 50], 2.25 / 50 },
        { "orthogonal_ square", Init.Orthogonal(0.5), [40, 40], 0.25 / 40 },
        { "orthogonal_ conv", Init.Orthogonal(), [8, 4, 3, 3], 1.0 / 36 },
        { "sparse_(0.25, 0.1): 3 zeros of 10 per column", Init.Sparse(0.25, 0.1), [10, 6], 0.01 * 7 / 10 },
        { "zeros_", Init.Zeros(), [5, 4], 0 },
        { "constant_(0)", Init.Constant(0), [5], 0 },
    };

    [Theory]
    [MemberData(nameof(PyTorchFormulas))]
    public void StatedVarianceIsPytorchsFormula(string what, IWeightInitializer initializer, int[] shape,
        double expected) =>
        Assert.True(Math.Abs(initializer.EntryVariance(shape)!.Value - expected) <= 1e-14 * expected,
            $"{what}: expected {expected:R}, stated {initializer.EntryVariance(shape):R}");

    [Theory]
    [InlineData(50, 20)]
    [InlineData(20, 50)]
    [InlineData(33, 33)]
    public void OrthogonalDrawsHaveExactlyTheStatedMeanSquare(int rows, int cols)
    {
        // gain Q has orthonormal columns (rows >= cols) or rows, so its sum of squares is gain^2 min(rows, cols): the
        // mean square of its entries is gain^2 / max(rows, cols), exactly, for every draw.
        var init = Init.Orthogonal(1.7);
        var w = Draw(init, [rows, cols]);
        double meanSquare = w.Sum(x => x * x) / w.Length;
        Assert.Equal(init.EntryVariance([rows, cols])!.Value, meanSquare, 1e-13);
    }

    [Fact]
    public void SparseDrawsHaveTheStatedVariance()
    {
        // Each entry is 0 with probability p = 3/10, N(0, 0.1^2) otherwise: mu4 = (1 - p) 3 std^4, kurtosis 3 / (1 -
        // p).
        var init = Init.Sparse(0.25, 0.1);
        int[] shape = [10, 20000];
        StatisticalAssert.MeanWithin(Draw(init, shape), 0, Math.Sqrt(init.EntryVariance(shape)!.Value));
        StatisticalAssert.VarianceWithin(Draw(init, shape), init.EntryVariance(shape)!.Value, 3 / 0.7);
    }

    public static TheoryData<string, IWeightInitializer, int[]> WithoutZeroMean => new()
    {
        { "constant 0.3", Init.Constant(0.3), [4, 4] },
        { "ones", Init.Ones(), [4] },
        { "eye", Init.Eye(), [4, 4] },
        { "dirac", Init.Dirac(), [4, 4, 3] },
        { "normal with mean 0.1", Init.Normal(0.1, 1), [4, 4] },
        { "uniform(0, 1)", Init.Uniform(), [4, 4] },
        { "truncated normal with mean 0 on asymmetric bounds", Init.TruncatedNormal(0, 1, -1, 2), [4, 4] },
    };

    [Theory]
    [MemberData(nameof(WithoutZeroMean))]
    public void InitializersWithoutZeroMeanEntriesStateNoVariance(string what, IWeightInitializer initializer,
        int[] shape) =>
        Assert.True(initializer.EntryVariance(shape) is null, $"{what} states a variance");

    [Fact]
    public void AnInitializerWrittenElsewhereStatesNoneUnlessItImplementsIt()
    {
        IWeightInitializer custom = new Simulation.GaussianWeights("N(0, 1)", (_, _) => 1.0);
        Assert.Null(custom.EntryVariance([3, 3]));
    }

    [Fact]
    public void ShapesThatDoNotSuitTheInitializerAreRejected()
    {
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => Init.HeNormal().EntryVariance([5])).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => Init.Orthogonal().EntryVariance([5])).ParamName);
        Assert.Equal("shape",
            Assert.Throws<ArgumentException>(() => Init.Sparse(0.1).EntryVariance([5, 4, 3])).ParamName);
        Assert.Equal("shape",
            Assert.Throws<ArgumentOutOfRangeException>(() => Init.XavierNormal().EntryVariance([5, 0])).ParamName);
        Assert.Equal("shape",
            Assert.Throws<ArgumentOutOfRangeException>(() => Init.Normal().EntryVariance([-1])).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => Init.Zeros().EntryVariance([])).ParamName);
    }
}
