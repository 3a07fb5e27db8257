using WeightInit.LinearAlgebra;

namespace WeightInit.Theory;

/// <summary>
/// The input-output Jacobian J = dx_L / dx_0 = D_L W_L ... D_1 W_1 of a deep dense network at one input
/// (D_l = diag(phi'(h_l))): its mean squared singular value after every layer and all its singular
/// values at chosen depths (<see cref="JacobianSpectra"/>).
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
/// J is built layer by layer with the library's matrix product (n^3 multiply-adds per layer).
/// </para>
/// </remarks>
public sealed class InputOutputJacobian : JacobianSpectra
{
    private InputOutputJacobian(DeepNetwork network, JacobianOptions options, MeanFieldModel model)
        : base(options, model, network.Depth) => Network = network;

    /// <summary>The network.</summary>
    public DeepNetwork Network { get; }

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
        var result = new InputOutputJacobian(network, options, model);
        var x = new double[n];
        result.DrawInput(x, model);

        var w = new double[n * n];
        var j = new double[n * n];
        var next = new double[n * n];
        var h = new double[n];
        var bias = new double[n];
        var derivative = new double[n];
        for (int l = 1; l <= depth; l++)
        {
            network.FillWeights<double>(l, w, options.Seed);
            MatrixMultiply.MultiplyTransposed(x, w, h, 1, n, n); // h = W x (row vector x times W^T)
            if (!network.HasZeroBiases)
            {
                network.FillBiases<double>(l, bias, options.Seed);
                for (int i = 0; i < n; i++) h[i] += bias[i];
            }
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
            result.Record(l, h, j, n);
        }
        return result;
    }
}
