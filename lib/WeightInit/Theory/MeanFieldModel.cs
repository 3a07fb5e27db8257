using System.Globalization;
using MathNet.Numerics.RootFinding;
using WeightInit.Activations;

namespace WeightInit.Theory;

/// <summary>
/// The mean-field theory of a deep, wide random network h_{l+1} = W_{l+1} phi(h_l) + b_{l+1} with
/// W_ij ~ N(0, sigma_w^2 / n) and b_i ~ N(0, sigma_b^2): the maps that carry the length and the
/// correlation of pre-activations from layer to layer, their fixed points and their slopes (Poole,
/// Lahiri, Raghu, Sohl-Dickstein &amp; Ganguli 2016, "Exponential expressivity in deep neural networks
/// through transient chaos"; Schoenholz, Gilmer, Ganguli &amp; Sohl-Dickstein 2017, "Deep Information
/// Propagation").
/// </summary>
/// <remarks>
/// <para>With z, z1, z2 independent N(0, 1):</para>
/// <list type="bullet">
/// <item>length map: q_{l+1} = F(q_l) = sigma_w^2 E[phi(sqrt(q_l) z)^2] + sigma_b^2, fixed point q* = F(q*);</item>
/// <item>chi_1 = sigma_w^2 E[phi'(sqrt(q*) z)^2], the slope of the correlation map at c = 1 and the factor by
/// which the mean squared gradient grows per layer backwards; chi_1 = 1 is the edge of chaos;</item>
/// <item>correlation map of two inputs of length q: c_{l+1} = (sigma_w^2 E[phi(u1) phi(u2)] + sigma_b^2) / F(q), with
/// u1 = sqrt(q) z1, u2 = sqrt(q) (c_l z1 + sqrt(1 - c_l^2) z2); at q = q* this is Schoenholz et al.'s map, divided by
/// q*;</item>
/// <item>its stable fixed point c* (1 in the ordered phase, below 1 in the chaotic phase) and slope there
/// chi_c = sigma_w^2 E[phi'(u1) phi'(u2)];</item>
/// <item>depth scales: xi_q = -1 / ln F'(q*) with F'(q) = sigma_w^2 E[z phi(sqrt(q) z) phi'(sqrt(q) z)] / sqrt(q)
/// (= chi_1 + sigma_w^2 E[phi'' phi] by Stein's lemma), and xi_c = -1 / ln chi_c: |q_l - q*| and |c_l - c*|
/// shrink like e^(-l / xi).</item>
/// </list>
/// <para>The Gaussian integrals are computed by <see cref="GaussianExpectation"/>'s piecewise quadrature, to about
/// 1e-15.</para>
/// </remarks>
public sealed class MeanFieldModel
{
    /// <summary>The default starting length q_0 of a fixed-point search: 1, a unit-variance input.</summary>
    public const double DefaultInitialLength = 1.0;

    /// <summary>The default budget of length-map evaluations of a fixed-point search.</summary>
    public const int DefaultMaxEvaluations = 400;

    /// <summary>Lengths beyond this count as "grows without bound".</summary>
    public const double MaxLength = 1e12;

    /// <summary>|chi_1 - 1| at or below this is <see cref="MeanFieldPhase.Critical"/>.</summary>
    public const double CriticalTolerance = 1e-9;

    private const double MinLength = 1e-200;

    /// <summary>Relative size of F(q) - q below which it is rounding (the quadrature is good to about 1e-15).</summary>
    private const double Noise = 1e-13;
    private readonly GaussianExpectation.SpanFunction _phi, _phiSquared, _derivativeSquared;

    /// <summary>Creates the model of a network with activation phi and the given weight and bias variances.</summary>
    /// <param name="activation">phi.</param>
    /// <param name="weightVariance">sigma_w^2, the variance of a weight times the fan-in (W_ij ~ N(0, sigma_w^2 / n));
    /// finite and positive.</param>
    /// <param name="biasVariance">sigma_b^2, the variance of a bias; finite and non-negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">A variance breaks its rule.</exception>
    public MeanFieldModel(Activation activation, double weightVariance, double biasVariance)
    {
        ArgumentNullException.ThrowIfNull(activation);
        Guard.FinitePositive(weightVariance);
        Guard.FiniteNonNegative(biasVariance);
        Activation = activation;
        WeightVariance = weightVariance;
        BiasVariance = biasVariance;
        _phi = (x, y) => activation.Apply(x, y);
        _phiSquared = (x, y) => { activation.Apply(x, y); Square(y); };
        _derivativeSquared = (x, y) => { activation.Derivative(x, y); Square(y); };
    }

    /// <summary>
    /// The model of <paramref name="network"/>: its activation, and sigma_w^2 and sigma_b^2 read from the description
    /// (<see cref="DeepNetwork.WeightVariance"/>, <see cref="DeepNetwork.BiasVariance"/>: Var(W_ij) fan_in s_l^2 and
    /// Var(b_i)), which mean-field theory needs to be the same at every layer. The widths do not enter (the theory is
    /// that of infinitely wide layers), nor does the last layer's activation (the model follows the pre-activations
    /// h_l, which f_L does not change).
    /// </summary>
    /// <param name="network">The network.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">
    /// An initializer states no variance (its entries do not have mean zero: e.g. <c>Init.Eye()</c>, a nonzero
    /// constant),
    /// the layers differ in sigma_w^2 or sigma_b^2 (e.g. per-layer scales, or a fan-average initializer on changing
    /// widths), or sigma_w^2 is 0.
    /// </exception>
    public static MeanFieldModel For(DeepNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        double weightVariance = OneVariance(network, network.WeightVariance, "weight", "sigma_w^2",
            network.WeightInitializer.Name);
        double biasVariance = OneVariance(network, network.BiasVariance, "bias", "sigma_b^2",
            network.BiasInitializer.Name);
        if (!(weightVariance > 0))
            throw new ArgumentException(
                $"network has sigma_w^2 = {weightVariance}: mean-field theory needs random weights.", nameof(network));
        return new MeanFieldModel(network.Activation, weightVariance, biasVariance);
    }

    /// <summary>The variance every layer states, or an exception naming the network.</summary>
    private static double OneVariance(DeepNetwork network, Func<int, double?> variance, string what, string symbol,
        string initializer)
    {
        double first = variance(1) ?? throw new ArgumentException(
            $"network's {what} initializer {initializer} states no variance (its entries do not have mean zero), " +
            $"so mean-field theory has no {symbol} for it.", nameof(network));
        for (int l = 2; l <= network.Depth; l++)
        {
            double? v = variance(l);
            if (v is not double value || Math.Abs(value - first) > 1e-12 * Math.Max(Math.Abs(first), double.Epsilon))
                throw new ArgumentException(
                    $"network's layers differ in {symbol}: layer 1 has {first:G6}, layer {l} has " +
                    $"{(v is double shown ? shown.ToString("G6", CultureInfo.InvariantCulture) : "none")}; " +
                    "mean-field theory needs one value for every layer.", nameof(network));
        }
        return first;
    }

    /// <summary>phi.</summary>
    public Activation Activation { get; }

    /// <summary>sigma_w^2.</summary>
    public double WeightVariance { get; }

    /// <summary>sigma_b^2.</summary>
    public double BiasVariance { get; }

    /// <summary>The length map F(q) = sigma_w^2 E[phi(sqrt(q) z)^2] + sigma_b^2.</summary>
    /// <param name="length">q, finite and non-negative.</param>
    /// <returns>q at the next layer.</returns>
    public double NextLength(double length)
    {
        Guard.FiniteNonNegative(length);
        return WeightVariance * GaussianExpectation.Of(_phiSquared, length) + BiasVariance;
    }

    /// <summary>
    /// chi_1(q) = sigma_w^2 E[phi'(sqrt(q) z)^2]; at q = 0 the mean of the one-sided limits,
    /// sigma_w^2 (phi'(0+)^2 + phi'(0-)^2) / 2 (1/2 sigma_w^2 for ReLU).
    /// </summary>
    /// <param name="length">q, finite and non-negative; chi_1 proper is <c>Chi1(q*)</c>.</param>
    /// <returns>The slope.</returns>
    public double Chi1(double length)
    {
        Guard.FiniteNonNegative(length);
        if (length == 0)
        {
            double right = Activation.Derivative(1e-150), left = Activation.Derivative(-1e-150);
            return WeightVariance * (right * right + left * left) / 2;
        }
        return WeightVariance * GaussianExpectation.Of(_derivativeSquared, length);
    }

    /// <summary>F'(q) = sigma_w^2 E[z phi(sqrt(q) z) phi'(sqrt(q) z)] / sqrt(q), the slope of the length map; at q = 0,
    /// <see cref="Chi1"/>(0).</summary>
    /// <param name="length">q, finite and non-negative.</param>
    /// <returns>dF/dq.</returns>
    public double LengthMapSlope(double length)
    {
        Guard.FiniteNonNegative(length);
        if (length == 0) return Chi1(0);
        var activation = Activation;
        double e = GaussianExpectation.Of((x, y) =>
        {
            var d = new double[x.Length];
            activation.Apply(x, y);
            activation.Derivative(x, d);
            for (int i = 0; i < y.Length; i++) y[i] *= d[i] * x[i];
        }, length);
        return WeightVariance * e / length; // E[z phi phi'] / sqrt(q) = E[x phi(x) phi'(x)] / q with x = sqrt(q) z
    }

    /// <summary>
    /// One layer of the mean-field recursion for two inputs: q^a' = F(q^a), q^b' = F(q^b),
    /// q^{ab}' = sigma_w^2 E[phi(u1) phi(u2)] + sigma_b^2 with (u1, u2) of variances q^a, q^b and
    /// correlation c; c' = q^{ab}' / sqrt(q^a' q^b').
    /// </summary>
    /// <param name="pair">The state at layer l; lengths finite and non-negative, correlation in [-1, 1].</param>
    /// <returns>The state at layer l + 1.</returns>
    /// <exception cref="ArgumentException">The next lengths are zero, so that the correlation is not
    /// defined.</exception>
    public SignalPair NextPair(SignalPair pair)
    {
        Guard.FiniteNonNegative(pair.Length1, "pair.Length1");
        Guard.FiniteNonNegative(pair.Length2, "pair.Length2");
        GaussianExpectation.CheckCorrelation(pair.Correlation, "pair.Correlation");
        double qa = NextLength(pair.Length1), qb = NextLength(pair.Length2);
        if (qa == 0 || qb == 0)
            throw new ArgumentException("The next layer's lengths are 0 (phi(0) = 0, sigma_b^2 = 0 and a zero " +
                "input), so the correlation is not defined.", nameof(pair));
        double qab =
            WeightVariance * GaussianExpectation.OfProduct(_phi, _phi, pair.Length1, pair.Length2, pair.Correlation)
            + BiasVariance;
        return new SignalPair(qa, qb, Math.Clamp(qab / Math.Sqrt(qa * qb), -1, 1));
    }

    /// <summary>The correlation map for two inputs of the same length q: c' = (sigma_w^2 E[phi(u1) phi(u2)] +
    /// sigma_b^2) / F(q).</summary>
    /// <param name="correlation">c, in [-1, 1].</param>
    /// <param name="length">q, finite and positive (at q = 0 both inputs are 0 and have no correlation).</param>
    /// <returns>c at the next layer.</returns>
    public double NextCorrelation(double correlation, double length)
    {
        GaussianExpectation.CheckCorrelation(correlation);
        Guard.FinitePositive(length);
        return NextPair(new SignalPair(length, length, correlation)).Correlation;
    }

    /// <summary>The slope of the correlation map: dc'/dc = sigma_w^2 q E[phi'(u1) phi'(u2)] / F(q) (Price's theorem);
    /// at q = q*, chi_c = sigma_w^2 E[phi'(u1) phi'(u2)].</summary>
    /// <param name="correlation">c, in [-1, 1].</param>
    /// <param name="length">q, finite and positive.</param>
    /// <returns>The slope.</returns>
    public double CorrelationMapSlope(double correlation, double length)
    {
        GaussianExpectation.CheckCorrelation(correlation);
        Guard.FinitePositive(length);
        var activation = Activation;
        GaussianExpectation.SpanFunction derivative = (x, y) => activation.Derivative(x, y);
        double e = GaussianExpectation.OfProduct(derivative, derivative, length, length, correlation);
        return WeightVariance * length * e / NextLength(length);
    }

    /// <summary>Lengths q_0, q_1, ..., q_L of the length map iterated from <paramref name="initialLength"/>.</summary>
    /// <param name="initialLength">q_0, finite and non-negative.</param>
    /// <param name="layers">L, at least 1.</param>
    /// <returns>L + 1 lengths.</returns>
    public double[] PropagateLength(double initialLength, int layers)
    {
        Guard.FiniteNonNegative(initialLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
        var q = new double[layers + 1];
        q[0] = initialLength;
        for (int l = 1; l <= layers; l++) q[l] = NextLength(q[l - 1]);
        return q;
    }

    /// <summary>The states of two inputs over depth: <paramref name="first"/>, then <see cref="NextPair"/> applied L
    /// times.</summary>
    /// <param name="first">The state at the first layer.</param>
    /// <param name="layers">L, at least 1.</param>
    /// <returns>L + 1 states.</returns>
    public SignalPair[] PropagatePair(SignalPair first, int layers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
        var states = new SignalPair[layers + 1];
        states[0] = first;
        for (int l = 1; l <= layers; l++) states[l] = NextPair(states[l - 1]);
        return states;
    }

    /// <summary>
    /// The fixed point q* of the length map reached from <paramref name="initialLength"/>: the first
    /// crossing of F(q) = q in the direction the map moves, bracketed on a doubling grid and refined
    /// by Brent's method to about 1e-14 relative.
    /// </summary>
    /// <param name="initialLength">q_0, finite and positive.</param>
    /// <param name="maxEvaluations">The budget of length-map evaluations; at least 10.</param>
    /// <returns>q*, or the reason there is none.</returns>
    public LengthFixedPoint FindLengthFixedPoint(double initialLength = DefaultInitialLength, int maxEvaluations =
        DefaultMaxEvaluations)
    {
        Guard.FinitePositive(initialLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvaluations, 10);
        int evaluations = 0;
        double G(double q) { evaluations++; return NextLength(q) - q; }

        double q0 = initialLength, g0 = G(q0);
        if (Math.Abs(g0) <= Noise * q0)
            return LengthFixedPoint.Found(q0, evaluations, "q_0 is a fixed point: F(q_0) = q_0");
        double lo, hi;
        if (g0 > 0)
        {
            (lo, hi) = (q0, 2 * q0);
            while (G(hi) > 0)
            {
                if (hi > MaxLength)
                    return LengthFixedPoint.None(evaluations,
                        $"q grows past {MaxLength:G3} from q_0 = {q0:G6}: the signal explodes");
                if (evaluations >= maxEvaluations)
                    return LengthFixedPoint.None(evaluations,
                        $"no crossing of F(q) = q found within {maxEvaluations} evaluations");
                (lo, hi) = (hi, 2 * hi);
            }
        }
        else
        {
            (lo, hi) = (q0 / 2, q0);
            int steps = 0;
            // A crossing must stand out of the quadrature's rounding: near q = 0, F(q) - q can be as
            // small as -2 q^2 (tanh at sigma_w^2 = 1), which rounding would otherwise turn into a root.
            while (G(lo) <= Noise * lo)
            {
                if (lo < MinLength)
                    return NextLength(0) == 0
                        ? LengthFixedPoint.Found(0, evaluations, "q* = 0: the signal vanishes with depth")
                        : LengthFixedPoint.None(evaluations, $"q falls below {MinLength:G3} while F(0) > 0");
                if (evaluations >= maxEvaluations)
                    return LengthFixedPoint.None(evaluations,
                        $"no crossing of F(q) = q found within {maxEvaluations} evaluations");
                // Halve near q_0, then take larger steps down to the smallest lengths.
                (hi, lo) = (lo, ++steps < 30 ? lo / 2 : lo / 1e3);
            }
        }
        int budget = Math.Max(1, maxEvaluations - evaluations);
        if (!Brent.TryFindRoot(G, lo, hi, 1e-14 * hi, budget, out double root))
            return LengthFixedPoint.None(evaluations,
                $"Brent's method did not converge in [{lo:G6}, {hi:G6}] within the budget");
        return LengthFixedPoint.Found(root, evaluations, "attracting fixed point of the length map");
    }

    /// <summary>
    /// Everything mean-field theory says about this network: q*, chi_1, the phase, the fixed point c*
    /// of the correlation map and its slope, and the depth scales xi_q and xi_c.
    /// </summary>
    /// <param name="initialLength">q_0, where the length map starts; finite and positive.</param>
    /// <returns>The analysis; if the length map has no fixed point it says so, and the quantities that need q*
    /// throw.</returns>
    public SignalPropagation Analyze(double initialLength = DefaultInitialLength)
    {
        var fixedPoint = FindLengthFixedPoint(initialLength);
        if (!fixedPoint.Exists) return new SignalPropagation(this, fixedPoint);
        double q = fixedPoint.Length;
        double chi1 = Chi1(q);
        double slope = LengthMapSlope(q);
        if (q == 0) return new SignalPropagation(this, fixedPoint, chi1, slope);
        double c = 1, chiC = chi1;
        if (chi1 > 1 + CriticalTolerance) (c, chiC) = ChaoticCorrelationFixedPoint(q, chi1);
        return new SignalPropagation(this, fixedPoint, chi1, slope, c, chiC);
    }

    /// <summary>
    /// The stable fixed point c* &lt; 1 of the correlation map at q* when chi_1 &gt; 1, and chi_c there.
    /// On [0, 1] the map is a power series in c with non-negative coefficients (its Hermite expansion),
    /// so it is increasing and convex there; with C(0) &gt;= 0, C(1) = 1 and C'(1) = chi_1 &gt; 1 it crosses
    /// the diagonal exactly once in [0, 1), and Brent's method finds that crossing.
    /// </summary>
    private (double C, double ChiC) ChaoticCorrelationFixedPoint(double q, double chi1)
    {
        double G(double c) => NextCorrelation(c, q) - c;
        const double top = 1 - 1e-6;
        if (G(top) >= 0) return (1, chi1); // c* is within 1e-6 of 1: chi_c is chi_1 to that accuracy
        double c = G(0) <= 0 ? 0 : Brent.FindRoot(G, 0, top, 1e-13, 200);
        return (c, CorrelationMapSlope(c, q));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"mean field of {Activation.Name}, sigma_w^2 = {WeightVariance:G6}, sigma_b^2 = {BiasVariance:G6}";

    private static void Square(Span<double> y)
    {
        for (int i = 0; i < y.Length; i++) y[i] *= y[i];
    }
}
