using MathNet.Numerics.LinearAlgebra;
using WeightInit.LinearAlgebra;
using WeightInit.Random;

namespace WeightInit.Theory;

/// <summary>
/// The input-output Jacobian J = dx_L / dx_0 = D_L W_L ... D_1 W_1 of a deep dense network at one input
/// (D_l = diag(phi'(h_l))): its mean squared singular value after every layer and all its singular
/// values at chosen depths. Dynamical isometry (Saxe, McClelland &amp; Ganguli 2013; Pennington,
/// Schoenholz &amp; Ganguli 2017) is every singular value near 1 at any depth.
/// </summary>
/// <remarks>
/// <para>
/// Mean-field theory predicts the mean squared singular value: tr(J_l^T J_l) / n = prod over k &lt;= l of
/// sigma_w^2 E[phi'(h_k)^2], i.e. chi_1^l when every layer sits at q* (Pennington et al. 2017, eq. 7); it
/// does not depend on whether the weights are Gaussian or orthogonal, while the spread of the
/// singular values does: for orthogonal weights and a linear network every singular value is
/// sigma_w^L; for Gaussian weights the spread grows with depth.
/// </para>
/// <para>
/// J is built layer by layer with the library's matrix product (n^3 multiply-adds per layer) and
/// rescaled to unit mean squared singular value after every layer, the scale kept as a logarithm, so
/// nothing overflows over hundreds of layers. The singular values are MathNet.Numerics' SVD of the
/// rescaled J (about 0.2 s at n = 512), scaled back; SVD in double resolves singular values down to
/// about 1e-16 times the largest, so smaller ones are rounding.
/// </para>
/// </remarks>
public sealed class InputOutputJacobian
{
    private readonly Dictionary<int, double[]> _spectra;

    private InputOutputJacobian(DeepNetwork network, JacobianOptions options, double inputLength,
        double[] logMeanSquares,
        double[] lengths, Dictionary<int, double[]> spectra)
    {
        (Network, Options, InputLength, LogMeanSquaredSingularValues, PreActivationLengths, _spectra) =
            (network, options, inputLength, logMeanSquares, lengths, spectra);
    }

    /// <summary>The network.</summary>
    public DeepNetwork Network { get; }

    /// <summary>The input length, spectrum depths and seed asked for.</summary>
    public JacobianOptions Options { get; }

    /// <summary>q^1 as used: <see cref="JacobianOptions.InputLength"/>, or q* of <see cref="MeanFieldModel.For"/>, or
    /// 1.</summary>
    public double InputLength { get; }

    /// <summary>ln(tr(J_l^T J_l) / n) for l = 1..L (element l - 1): the log of the mean squared singular value after l
    /// layers.</summary>
    public IReadOnlyList<double> LogMeanSquaredSingularValues { get; }

    /// <summary>tr(J_l^T J_l) / n for l = 1..L (0 or infinity where beyond double's range; see
    /// <see cref="LogMeanSquaredSingularValues"/>).</summary>
    public IReadOnlyList<double> MeanSquaredSingularValues => LogMeanSquaredSingularValues.Select(Math.Exp).ToArray();

    /// <summary>The measured length |h_l|^2 / n of every layer's pre-activations, l = 1..L (element l - 1).</summary>
    public IReadOnlyList<double> PreActivationLengths { get; }

    /// <summary>The depths whose spectrum was computed, ascending.</summary>
    public IReadOnlyList<int> SpectrumDepths => _spectra.Keys.Order().ToArray();

    /// <summary>All n singular values of J after <paramref name="depth"/> layers, descending.</summary>
    /// <param name="depth">One of <see cref="SpectrumDepths"/>.</param>
    /// <returns>A copy of the singular values.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The spectrum at that depth was not computed.</exception>
    public double[] SingularValues(int depth) => _spectra.TryGetValue(depth, out var s)
        ? (double[])s.Clone()
        : throw new ArgumentOutOfRangeException(nameof(depth), depth,
            $"The spectrum was computed at depths {string.Join(", ", SpectrumDepths)} only.");

    /// <summary>
    /// Builds J of <paramref name="network"/> layer by layer, its weights and biases drawn for the options' seed
    /// (<see cref="DeepNetwork.FillWeights{T}"/>), f_l' of each layer's own activation, and computes the requested
    /// spectra.
    /// </summary>
    /// <param name="network">
    /// The network: every layer n wide (J is n x n), one sigma_w^2 and sigma_b^2 (<see cref="MeanFieldModel.For"/>),
    /// n^2 within one array.
    /// </param>
    /// <param name="options">The input length, spectrum depths and seed; null for the defaults. Validated
    /// first.</param>
    /// <returns>The Jacobian's statistics.</returns>
    /// <exception cref="ArgumentException">An option breaks its rule, or the network is not square or has no mean-field
    /// model.</exception>
    public static InputOutputJacobian Compute(DeepNetwork network, JacobianOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new JacobianOptions();
        int n = network.Widths[0], depth = network.Depth;
        if (network.Widths.Any(w => w != n))
            throw new ArgumentException(
                "network must have every layer as wide as its input (J is square), " +
                $"but its widths are {string.Join("-", network.Widths)}.",
                nameof(network));
        if ((long)n * n > Array.MaxLength)
            throw new ArgumentException($"network's width {n} squared must fit in one array.", nameof(network));
        var model = MeanFieldModel.For(network);
        double weightVariance = model.WeightVariance, biasVariance = model.BiasVariance;
        options.Validate(biasVariance, depth);
        double q1 = options.InputLength ?? DefaultInputLength(model);
        var spectrumDepths = new HashSet<int>(options.SpectrumDepths ?? [depth]);
        var root = new RandomSource(options.Seed);

        // x_0: a random direction with |x_0|^2 / n = (q^1 - sigma_b^2) / sigma_w^2.
        var x = new double[n];
        root.Fork(0).FillNormal(x, 0, 1);
        Rescale(x, Math.Sqrt(n * Math.Max(0, q1 - biasVariance) / weightVariance) / Math.Sqrt(GaussianExpectation.Dot(x,
            x)));

        var w = new double[n * n];
        var j = new double[n * n];
        var next = new double[n * n];
        var h = new double[n];
        var bias = new double[n];
        var derivative = new double[n];
        var logMeanSquares = new double[depth];
        var lengths = new double[depth];
        var spectra = new Dictionary<int, double[]>();
        double logScale = 0;
        for (int l = 1; l <= depth; l++)
        {
            network.FillWeights<double>(l, w, options.Seed);
            MatrixMultiply.MultiplyTransposed(x, w, h, 1, n, n); // h = W x (row vector x times W^T)
            if (!network.HasZeroBiases)
            {
                network.FillBiases<double>(l, bias, options.Seed);
                for (int i = 0; i < n; i++) h[i] += bias[i];
            }
            lengths[l - 1] = GaussianExpectation.Dot(h, h) / n;
            var activation = network.ActivationOf(l);
            activation.Derivative(h, derivative);
            activation.Apply(h, x);
            if (l == 1) w.CopyTo(next, 0);
            else MatrixMultiply.Multiply(w, j, next, n, n, n); // W_l J_{l-1}
            for (int r = 0; r < n; r++)
            {
                var row = next.AsSpan(r * n, n);
                double d = derivative[r];
                for (int c = 0; c < n; c++) row[c] *= d;
            }
            (j, next) = (next, j);
            double meanSquare = GaussianExpectation.Dot(j, j) / n;
            if (meanSquare == 0 || !double.IsFinite(meanSquare))
                throw new InvalidOperationException($"The Jacobian's mean squared singular value is {meanSquare} " +
                    $"after layer {l}: every unit's derivative is 0 (or the values are not finite).");
            logScale += Math.Log(meanSquare);
            logMeanSquares[l - 1] = logScale;
            Rescale(j, 1 / Math.Sqrt(meanSquare));
            if (spectrumDepths.Contains(l)) spectra[l] = SingularValues(j, n, Math.Exp(logScale / 2));
        }
        return new InputOutputJacobian(network, options, q1, logMeanSquares, lengths, spectra);
    }

    /// <summary>q* of the model when it is positive, otherwise 1 (or sigma_b^2 if larger).</summary>
    private static double DefaultInputLength(MeanFieldModel model)
    {
        var fixedPoint = model.FindLengthFixedPoint();
        return fixedPoint.Exists && fixedPoint.Length > 0 ? fixedPoint.Length : Math.Max(1, model.BiasVariance);
    }

    /// <summary>The singular values of the n x n row-major matrix, times <paramref name="scale"/>,
    /// descending.</summary>
    private static double[] SingularValues(double[] matrix, int n, double scale)
    {
        // Read as column-major, the data are J^T, which has the same singular values.
        var m = Matrix<double>.Build.Dense(n, n, (double[])matrix.Clone());
        var s = m.Svd(computeVectors: false).S.ToArray();
        for (int i = 0; i < s.Length; i++) s[i] *= scale;
        Array.Sort(s, (a, b) => b.CompareTo(a));
        return s;
    }

    private static void Rescale(Span<double> values, double factor)
    {
        for (int i = 0; i < values.Length; i++) values[i] *= factor;
    }
}
