namespace WeightInit.Theory;

/// <summary>
/// What mean-field theory predicts for one network (activation, sigma_w^2, sigma_b^2): the length
/// fixed point q*, chi_1, the phase, the correlation fixed point c* with its slope chi_c, and the depth
/// scales xi_q and xi_c (Schoenholz et al. 2017, "Deep Information Propagation": signals travel about
/// xi_c layers, and networks train up to a depth of about 6 xi_c). Made by <see cref="MeanFieldModel.Analyze"/>.
/// </summary>
/// <remarks>
/// When the length map has no fixed point (<see cref="HasFixedPoint"/> false: q explodes), every
/// quantity that needs q* throws an <see cref="InvalidOperationException"/> that says so. When q* = 0
/// (the signal vanishes: <see cref="HasCorrelationMap"/> false) the correlation of two inputs is not
/// defined at the fixed point and the correlation quantities throw likewise. A diverging depth scale
/// (a slope of exactly 1) is <see cref="double.PositiveInfinity"/>.
/// </remarks>
public sealed class SignalPropagation
{
    private readonly double _chi1, _lengthSlope, _c, _chiC;

    internal SignalPropagation(MeanFieldModel model, LengthFixedPoint fixedPoint, double chi1 = double.NaN,
        double lengthSlope = double.NaN,
        double correlationFixedPoint = double.NaN, double correlationSlope = double.NaN)
    {
        (Model, FixedPoint, _chi1, _lengthSlope, _c, _chiC) =
            (model, fixedPoint, chi1, lengthSlope, correlationFixedPoint, correlationSlope);
    }

    /// <summary>The network analysed.</summary>
    public MeanFieldModel Model { get; }

    /// <summary>The fixed point of the length map (or why there is none).</summary>
    public LengthFixedPoint FixedPoint { get; }

    /// <summary>Whether the length map has a fixed point.</summary>
    public bool HasFixedPoint => FixedPoint.Exists;

    /// <summary>Whether the correlation map is defined at the fixed point (q* &gt; 0).</summary>
    public bool HasCorrelationMap => HasFixedPoint && FixedPoint.Length > 0;

    /// <summary>q*.</summary>
    public double FixedPointLength => FixedPoint.Length;

    /// <summary>chi_1 = sigma_w^2 E[phi'(sqrt(q*) z)^2]: per layer, the factor on the mean squared gradient going
    /// backwards.</summary>
    public double Chi1 => Need(_chi1);

    /// <summary>Ordered (chi_1 &lt; 1), critical (|chi_1 - 1| &lt;= 1e-9) or chaotic.</summary>
    public MeanFieldPhase Phase => Math.Abs(Chi1 - 1) <= MeanFieldModel.CriticalTolerance ? MeanFieldPhase.Critical
        : Chi1 < 1 ? MeanFieldPhase.Ordered : MeanFieldPhase.Chaotic;

    /// <summary>F'(q*), the slope of the length map at its fixed point.</summary>
    public double LengthMapSlope => Need(_lengthSlope);

    /// <summary>xi_q = -1 / ln F'(q*): |q_l - q*| shrinks like e^(-l / xi_q); infinite when F'(q*) &gt;= 1.</summary>
    public double LengthDepthScale => DepthScale(LengthMapSlope);

    /// <summary>c*, the stable fixed point of the correlation map: 1 in the ordered phase, below 1 in the chaotic
    /// phase.</summary>
    public double CorrelationFixedPoint => NeedCorrelation(_c);

    /// <summary>chi_c = sigma_w^2 E[phi'(u1) phi'(u2)] at c*, the slope of the correlation map there (chi_1 when c* =
    /// 1).</summary>
    public double CorrelationMapSlope => NeedCorrelation(_chiC);

    /// <summary>xi_c = -1 / ln chi_c: |c_l - c*| shrinks like e^(-l / xi_c); infinite at the edge of chaos.</summary>
    public double CorrelationDepthScale => DepthScale(CorrelationMapSlope);

    /// <summary>Slopes within this of 1 count as 1 (the quadrature's rounding), so that a marginal map gets an infinite
    /// depth scale.</summary>
    public const double MarginalSlopeTolerance = 1e-12;

    /// <summary>The depth -1 / ln(slope) over which a deviation shrinks by e; infinite for a slope of 1 - 1e-12 or
    /// more.</summary>
    /// <param name="slope">The slope of a map at its fixed point; finite and non-negative.</param>
    /// <returns>The depth scale in layers.</returns>
    public static double DepthScale(double slope)
    {
        Guard.FiniteNonNegative(slope);
        return slope >= 1 - MarginalSlopeTolerance ? double.PositiveInfinity : -1 / Math.Log(slope);
    }

    private double Need(double value)
    {
        _ = FixedPoint.Length; // throws when there is no fixed point
        return value;
    }

    private double NeedCorrelation(double value)
    {
        if (!HasCorrelationMap)
            throw new InvalidOperationException(HasFixedPoint
                ? $"q* = 0 for {Model}: the signal vanishes, and the correlation of two inputs is not defined at the " +
                    $"fixed point."
                : $"The length map of {Model} has no fixed point: {FixedPoint.Description}");
        return value;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        if (!HasFixedPoint) return $"{Model}: {FixedPoint}";
        string head = $"{Model}: q* = {FixedPointLength:G6}, chi_1 = {Chi1:G6} ({Phase}), xi_q = {LengthDepthScale:G4}";
        return HasCorrelationMap ? $"{head}, c* = {CorrelationFixedPoint:G6}, xi_c = {CorrelationDepthScale:G4}" : head;
    }
}
