using MathNet.Numerics.LinearAlgebra;
using WeightInit.Activations;
using WeightInit.Convolution;
using WeightInit.Random;
using WeightInit.Training;

namespace WeightInit.Theory;

/// <summary>
/// The input-output Jacobian J = D_L K_L ... D_1 K_1 of a deep vanilla 1-D CNN at one input
/// (<see cref="ConvolutionalJacobianExperiment"/>): its mean squared singular value after every layer and all its
/// singular values at chosen depths, the convolutional counterpart of <see cref="InputOutputJacobian"/>. Xiao et al.
/// (2018) show that delta-orthogonal kernels with tanh at criticality keep every singular value near 1 at any depth
/// (dynamical isometry), where Gaussian kernels at the same variance spread them out.
/// </summary>
/// <remarks>
/// <para>J is built layer by layer as its transpose: row s of the N x N matrix M is J e_s, the response of the
/// current layer to a unit change of input value s, a signal of C x n values. Each layer convolves all N rows at
/// once as one batch of the library's <see cref="Conv1dLayer"/> (identity activation, no bias: the biases move h_l
/// but not J) and multiplies them by phi'(h_l) of the forward signal, N^2 C k multiply-adds per layer. M is rescaled
/// to unit mean squared singular value after every layer and the scale kept as a logarithm, so nothing overflows
/// over thousands of layers. The singular values are MathNet.Numerics' SVD of the rescaled matrix (about 0.2 s at
/// N = 512), scaled back; values below about 1e-16 times the largest are rounding.</para>
/// </remarks>
public sealed class ConvolutionalJacobian
{
    private readonly Dictionary<int, double[]> _spectra;

    private ConvolutionalJacobian(ConvolutionalJacobianExperiment experiment, double[] logMeanSquares, double[] lengths, Dictionary<int, double[]> spectra)
    {
        Experiment = experiment;
        LogMeanSquaredSingularValues = logMeanSquares;
        PreActivationLengths = lengths;
        _spectra = spectra;
    }

    /// <summary>The experiment.</summary>
    public ConvolutionalJacobianExperiment Experiment { get; }

    /// <summary>ln(tr(J_l^T J_l) / N) for l = 1..L (element l - 1): the log of the mean squared singular value after l layers.</summary>
    public IReadOnlyList<double> LogMeanSquaredSingularValues { get; }

    /// <summary>tr(J_l^T J_l) / N for l = 1..L (0 or infinity where beyond double's range; see <see cref="LogMeanSquaredSingularValues"/>).</summary>
    public IReadOnlyList<double> MeanSquaredSingularValues => LogMeanSquaredSingularValues.Select(Math.Exp).ToArray();

    /// <summary>The measured length |h_l|^2 / N of every layer's pre-activations, l = 1..L (element l - 1).</summary>
    public IReadOnlyList<double> PreActivationLengths { get; }

    /// <summary>The depths whose spectrum was computed, ascending.</summary>
    public IReadOnlyList<int> SpectrumDepths => _spectra.Keys.Order().ToArray();

    /// <summary>All N singular values of J after <paramref name="depth"/> layers, descending.</summary>
    /// <param name="depth">One of <see cref="SpectrumDepths"/>.</param>
    /// <returns>A copy of the singular values.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The spectrum at that depth was not computed.</exception>
    public double[] SingularValues(int depth) => _spectra.TryGetValue(depth, out var s)
        ? (double[])s.Clone()
        : throw new ArgumentOutOfRangeException(nameof(depth), depth, $"The spectrum was computed at depths {string.Join(", ", SpectrumDepths)} only.");

    /// <summary>Builds J layer by layer and computes the requested spectra.</summary>
    /// <param name="experiment">The network and input; validated first.</param>
    /// <returns>The Jacobian's statistics.</returns>
    /// <exception cref="ArgumentException">An option breaks its rule, or the initializer refuses the kernel shape.</exception>
    /// <exception cref="InvalidOperationException">Every derivative of a layer is 0, or a value is not finite.</exception>
    public static ConvolutionalJacobian Compute(ConvolutionalJacobianExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        experiment.Validate();
        int c = experiment.Channels, n = experiment.Size, depth = experiment.Depth;
        var spectrumDepths = new HashSet<int>(experiment.SpectrumDepths ?? [depth]);
        var root = new RandomSource(experiment.Seed);
        var layer = new Conv1dLayer(c, c, experiment.KernelSize, experiment.Length, Activation.Identity, experiment.Padding);
        double biasStd = Math.Sqrt(experiment.BiasVariance);

        var x = new double[n];
        root.Fork(0).FillNormal(x, 0, Math.Sqrt(experiment.InputVariance));
        var h = new double[n];
        var derivative = new double[n];
        var bias = new double[c];
        var m = new double[(long)n * n];
        var next = new double[(long)n * n];
        for (int s = 0; s < n; s++) m[(long)s * n + s] = 1; // J_0 = I
        var logMeanSquares = new double[depth];
        var lengths = new double[depth];
        var spectra = new Dictionary<int, double[]>();
        double logScale = 0;
        for (int l = 1; l <= depth; l++)
        {
            layer.Initialize(experiment.Initializer, root.Fork((ulong)l));
            layer.ForwardCore(x, 1, h, PassContext.Inference);
            if (biasStd > 0)
            {
                root.Fork((1UL << 32) + (ulong)l).FillNormal(bias, 0, biasStd);
                for (int i = 0; i < n; i++) h[i] += bias[i / experiment.Length];
            }
            lengths[l - 1] = GaussianExpectation.Dot(h, h) / n;
            experiment.Activation.Derivative(h, derivative);
            experiment.Activation.Apply(h, x);
            layer.ForwardCore(m, n, next, PassContext.Inference); // row s: K_l (J_{l-1} e_s)
            for (int s = 0; s < n; s++)
            {
                var row = next.AsSpan(s * n, n);
                for (int i = 0; i < n; i++) row[i] *= derivative[i];
            }
            (m, next) = (next, m);
            double meanSquare = GaussianExpectation.Dot(m, m) / n;
            if (meanSquare == 0 || !double.IsFinite(meanSquare))
                throw new InvalidOperationException($"The Jacobian's mean squared singular value is {meanSquare} after layer {l}: every derivative is 0 (or the values are not finite).");
            logScale += Math.Log(meanSquare);
            logMeanSquares[l - 1] = logScale;
            double factor = 1 / Math.Sqrt(meanSquare);
            for (int i = 0; i < m.Length; i++) m[i] *= factor;
            if (spectrumDepths.Contains(l)) spectra[l] = SingularValues(m, n, Math.Exp(logScale / 2));
        }
        return new ConvolutionalJacobian(experiment, logMeanSquares, lengths, spectra);
    }

    /// <summary>The singular values of the n x n matrix, times <paramref name="scale"/>, descending.</summary>
    private static double[] SingularValues(double[] matrix, int n, double scale)
    {
        var s = Matrix<double>.Build.Dense(n, n, (double[])matrix.Clone()).Svd(computeVectors: false).S.ToArray();
        for (int i = 0; i < s.Length; i++) s[i] *= scale;
        Array.Sort(s, (a, b) => b.CompareTo(a));
        return s;
    }
}
