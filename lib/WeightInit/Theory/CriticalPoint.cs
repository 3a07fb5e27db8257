namespace WeightInit.Theory;

/// <summary>
/// A point of the critical line (the edge of chaos) chi_1(sigma_w^2, sigma_b^2) = 1 of an activation
/// (Schoenholz et al. 2017): the weight variance at which a bias variance is critical, and the length
/// fixed point there.
/// </summary>
/// <param name="WeightVariance">sigma_w^2 with chi_1 = 1.</param>
/// <param name="BiasVariance">sigma_b^2.</param>
/// <param name="FixedPointLength">
/// q* at the critical point; <see cref="double.PositiveInfinity"/> when the critical point is reached
/// only as q* grows without bound (ReLU or the identity with sigma_b^2 &gt; 0: there chi_1 is the
/// limit of sigma_w^2 E[phi'(sqrt(q) z)^2] as q grows, and no finite network sits on the edge).
/// </param>
public readonly record struct CriticalPoint(double WeightVariance, double BiasVariance, double FixedPointLength)
{
    /// <summary>Whether the critical point has a finite length fixed point.</summary>
    public bool HasFiniteFixedPoint => double.IsFinite(FixedPointLength);
}
