using MathNet.Numerics.RootFinding;
using WeightInit.Activations;

namespace WeightInit.Theory;

/// <summary>
/// The edge of chaos: for a bias variance sigma_b^2, the weight variance sigma_w^2 at which
/// chi_1 = sigma_w^2 E[phi'(sqrt(q*) z)^2] = 1, found by root finding in sigma_w^2 (Schoenholz et al.
/// 2017, "Deep Information Propagation", their Fig. 1; Poole et al. 2016). Below the line the network is
/// ordered, above it chaotic.
/// </summary>
/// <remarks>
/// chi_1 is evaluated at the length fixed point q*(sigma_w^2, sigma_b^2) from q_0 = 1. Where q has no
/// fixed point because it grows without bound, chi_1 is taken at q = 1e12, its limit for q to infinity
/// to that accuracy (sigma_w^2 / 2 for ReLU, sigma_w^2 for the identity). The bracket is the first
/// sign change of chi_1 - 1 on a grid of sigma_w^2 from 0.01 to 1e4 (ratio 1.25), refined by Brent's
/// method to 1e-12 relative. Closed forms: ReLU 2 (He et al. 2015), the identity 1, tanh 1 at sigma_b^2 = 0.
/// </remarks>
public static class CriticalLine
{
    /// <summary>The critical point of <paramref name="activation"/> at bias variance
    /// <paramref name="biasVariance"/>.</summary>
    /// <param name="activation">phi.</param>
    /// <param name="biasVariance">sigma_b^2, finite and non-negative.</param>
    /// <returns>sigma_w^2 with chi_1 = 1, and q* there.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="biasVariance"/> is negative or not
    /// finite.</exception>
    /// <exception cref="ArgumentException">chi_1 does not cross 1 for sigma_w^2 in [0.01, 1e4] (the message says which
    /// way it stays), or jumps across it.</exception>
    public static CriticalPoint At(Activation activation, double biasVariance)
    {
        ArgumentNullException.ThrowIfNull(activation);
        Guard.FiniteNonNegative(biasVariance);
        double Residual(double weightVariance) => Chi1(activation, weightVariance, biasVariance) - 1;
        double lo = 0.01, rLo = Residual(lo);
        if (rLo >= 0)
            throw new ArgumentException($"chi_1 of {activation.Name} is already at least 1 at sigma_w^2 = 0.01 with " +
                $"sigma_b^2 = {biasVariance}: no critical point found.", nameof(activation));
        for (double hi = lo * 1.25; hi <= 1e4; lo = hi, hi *= 1.25)
        {
            if (Residual(hi) < 0) continue;
            double w = Brent.FindRoot(Residual, lo, hi, 1e-12 * hi, 200);
            // chi_1 at the fixed point reached from q_0 = 1 can jump across 1 instead of crossing it, where that
            // fixed point itself changes (GELU at sigma_b^2 = 0: q* = 0 below, no fixed point above): no critical
            // point.
            double below = Residual(w * (1 - 1e-7)), above = Residual(w * (1 + 1e-7));
            if (above - below > 1e-3)
                throw new ArgumentException(
                    $"chi_1 of {activation.Name} with sigma_b^2 = {biasVariance} jumps from {below + 1:G4} to " +
                        $"{above + 1:G4} at sigma_w^2 = {w:G6} " +
                    "(the length fixed point reached from q_0 = 1 changes there): it does not cross 1, so there is " +
                        "no critical point.", nameof(activation));
            var fixedPoint = new MeanFieldModel(activation, w, biasVariance).FindLengthFixedPoint();
            return new CriticalPoint(w, biasVariance, fixedPoint.Exists ? fixedPoint.Length : double.PositiveInfinity);
        }
        throw new ArgumentException($"chi_1 of {activation.Name} stays below 1 for sigma_w^2 up to 1e4 with " +
            $"sigma_b^2 = {biasVariance}: no critical point found.", nameof(activation));
    }

    /// <summary>The critical line at several bias variances.</summary>
    /// <param name="activation">phi.</param>
    /// <param name="biasVariances">sigma_b^2 values, each finite and non-negative.</param>
    /// <returns>One critical point per bias variance, in order.</returns>
    public static CriticalPoint[] Trace(Activation activation, IEnumerable<double> biasVariances)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(biasVariances);
        return biasVariances.Select(b => At(activation, b)).ToArray();
    }

    private static double Chi1(Activation activation, double weightVariance, double biasVariance)
    {
        var model = new MeanFieldModel(activation, weightVariance, biasVariance);
        var fixedPoint = model.FindLengthFixedPoint();
        return model.Chi1(fixedPoint.Exists ? fixedPoint.Length : MeanFieldModel.MaxLength);
    }
}
