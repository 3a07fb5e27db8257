using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using WeightInit.Theory;

namespace WeightInit.Benchmarks;

/// <summary>
/// The theory suite (`-- theory`): the mean-field quadrature maps against the textbook method, plain
/// Gauss-Hermite quadrature with 128 nodes (its time and its error, measured in the same run), the
/// input-output Jacobian spectrum at n = 512 and 32 layers (building J with the library's product
/// against MathNet's managed multiply; MathNet's SVD against the eigenvalues of J^T J), and the
/// measured phase diagram of issue 10 (30 x 30 grid, 50 layers, width 256, batch 64). Option
/// --quick: fewer repetitions and a 10 x 10 grid.
/// </summary>
internal static class TheoryBenchmarks
{
    public static void Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        int repetitions = quick ? 3 : 7;
        Quadrature(repetitions);
        Jacobian(quick ? 1 : 3);
        Sweep(quick ? 10 : 30);
    }

    private static void Quadrature(int repetitions)
    {
        var model = new MeanFieldModel(Activation.Tanh, 2.5, 0.1);
        const double q = 2.0;
        var (nodes, weights) = GaussHermite(128);
        double reference = model.NextLength(q), gh = 0;
        double ours = Harness.MedianSeconds(() => reference = model.NextLength(q), repetitions * 100) ;
        double baseline = Harness.MedianSeconds(() =>
        {
            double s = 0;
            for (int i = 0; i < nodes.Length; i++) { double t = Math.Tanh(Math.Sqrt(q) * nodes[i]); s += weights[i] * t
                * t; }
            gh = 2.5 * s + 0.1;
        }, repetitions * 100);
        Console.WriteLine($"length map F(q = 2), tanh: ours {ours * 1e6:F1} us; Gauss-Hermite 128 nodes " +
            $"{baseline * 1e6:F1} us ({ours / baseline:F1}x its time), " +
            $"its error {Math.Abs(gh - reference):E1} (ours agrees with mpmath to 1e-12 or better, " +
                $"tests/WeightInit.Tests/Theory)");
        double pair = Harness.MedianSeconds(() => model.NextCorrelation(0.5, 1.15), repetitions * 5);
        double ordered =
            Harness.MedianSeconds(() => new MeanFieldModel(Activation.Tanh, 1.5, 0.05).Analyze(), repetitions);
        double chaotic = Harness.MedianSeconds(() => model.Analyze(), repetitions);
        double critical = Harness.MedianSeconds(() => CriticalLine.At(Activation.Tanh, 0.05), repetitions);
        double chi =
            Harness.MedianSeconds(() => PhaseDiagram.PredictChi1(Activation.Tanh, Grid(0.5, 4, 30), Grid(0, 0.3, 30)),
            repetitions);
        Console.WriteLine($"correlation map (one 2-D expectation) {pair * 1e3:F2} ms; Analyze: ordered " +
            $"{ordered * 1e3:F1} ms, chaotic (c* by Brent) {chaotic * 1e3:F1} ms; " +
            $"critical point {critical * 1e3:F1} ms; predicted chi_1 on a 30 x 30 grid {chi:F2} s");
    }

    private static void Jacobian(int repetitions)
    {
        const int n = 512, depth = 32;
        var schemes = new (string Name, IWeightInitializer Weights)[]
        {
            ("Gaussian", Init.VarianceScaling(1.0, FanMode.FanIn, VarianceScalingDistribution.UntruncatedNormal)),
            ("Orthogonal", Init.Orthogonal(1.0)),
        };
        foreach (var (name, weights) in schemes)
        {
            var network = DeepNetwork.Stack(depth, n, Activation.Tanh, weights);
            var options = new JacobianOptions { SpectrumDepths = [], Seed = 1 };
            double build = Harness.MedianSeconds(() => InputOutputJacobian.Compute(network, options), repetitions);
            double withSpectrum = Harness.MedianSeconds(()
                => InputOutputJacobian.Compute(network, options with { SpectrumDepths = [depth] }), repetitions);
            Console.WriteLine($"Jacobian n = {n}, L = {depth}, {name}: J built in {build:F2} s " +
                $"(weights drawn inside), with its SVD {withSpectrum:F2} s");
        }
        var random = new RandomSource(3);
        var a = new double[n * n];
        var b = new double[n * n];
        var c = new double[n * n];
        random.FillNormal(a, 0, 1 / Math.Sqrt(n));
        random.FillNormal(b, 0, 1 / Math.Sqrt(n));
        double ours =
            Harness.MedianSeconds(() => WeightInit.LinearAlgebra.MatrixMultiply.Multiply(a, b, c, n, n, n), repetitions
            * 3);
        var ma = Matrix<double>.Build.Dense(n, n, a);
        var mb = Matrix<double>.Build.Dense(n, n, b);
        double mathnet = Harness.MedianSeconds(() => ma.Multiply(mb), repetitions);
        double svd = Harness.MedianSeconds(() => ma.Svd(false), repetitions);
        double evd =
            Harness.MedianSeconds(() => ma.TransposeThisAndMultiply(ma).Evd(Symmetricity.Symmetric), repetitions);
        Console.WriteLine($"one 512 x 512 product: ours {ours * 1e3:F1} ms, MathNet managed {mathnet * 1e3:F0} ms " +
            $"({mathnet / ours:F0}x); " +
            $"singular values: MathNet SVD {svd:F2} s, eigenvalues of J^T J {evd:F2} s ({evd / svd:F1}x; and they " +
                $"lose the small singular values)");
    }

    private static void Sweep(int points)
    {
        static DeepNetwork Network(double w, double b) => DeepNetwork.Stack(50, 256, Activation.Tanh,
            Init.VarianceScaling(w, FanMode.FanIn,
                VarianceScalingDistribution.UntruncatedNormal), b > 0 ? Init.Normal(0, Math.Sqrt(b)) : null);
        var options = new PropagationOptions { PairCount = 32, Precision = FloatPrecision.Single };
        var weights = Grid(0.5, 4, points);
        var biases = Grid(0, 0.3, points);
        var forward = PhaseDiagram.Measure(Network, weights, biases, options);
        var backward = PhaseDiagram.Measure(Network, weights, biases, options with { MeasureGradients = true });
        var one = Stopwatch.StartNew();
        PropagationMeasurement.Run(Network(2, 0), options with { MaxDegreeOfParallelism = 1 });
        Console.WriteLine($"phase diagram {points} x {points}, L = 50, n = 256, batch 64, float32, " +
            $"{Environment.ProcessorCount} cores: " +
            $"forward {forward.Elapsed.TotalSeconds:F1} s, with gradients {backward.Elapsed.TotalSeconds:F1} s (one " +
                $"point alone {one.Elapsed.TotalMilliseconds:F0} ms)");
    }

    private static double[] Grid(double from, double to, int count) =>
        [.. Enumerable.Range(0, count).Select(i => from + (to - from) * i / (count - 1))];

    /// <summary>Probabilists' Gauss-Hermite nodes and weights (Golub-Welsch with MathNet), for the baseline.</summary>
    private static (double[] Nodes, double[] Weights) GaussHermite(int n)
    {
        var jacobi = Matrix<double>.Build.Dense(n, n);
        for (int k = 1; k < n; k++) jacobi[k, k - 1] = jacobi[k - 1, k] = Math.Sqrt(k);
        var evd = jacobi.Evd(Symmetricity.Symmetric);
        var nodes = evd.EigenValues.Select(v => v.Real).ToArray();
        var weights = Enumerable.Range(0, n).Select(i => evd.EigenVectors[0, i] * evd.EigenVectors[0, i]).ToArray();
        return (nodes, weights);
    }
}
