namespace WeightInit.Theory;

/// <summary>
/// Where the mean-field length map q_{l+1} = sigma_w^2 E[phi(sqrt(q_l) z)^2] + sigma_b^2 leads from a
/// starting length q_0: its fixed point q* (found by bracketing and Brent's method, not by iterating
/// the map, which converges arbitrarily slowly near criticality), or the statement that there is none.
/// </summary>
/// <remarks>
/// A fixed point found this way is attracting (the map crosses the diagonal from above), so deep
/// layers approach it from q_0. <see cref="Length"/> is 0 when the signal dies out (phi(0) = 0,
/// sigma_b^2 = 0 and a slope at 0 below 1); it equals q_0 when every length is a fixed point (ReLU with
/// sigma_w^2 = 2 and sigma_b^2 = 0, the identity with sigma_w^2 = 1). When q grows past 1e12 or the
/// evaluation budget runs out, <see cref="Exists"/> is false and <see cref="Length"/> throws.
/// </remarks>
public sealed class LengthFixedPoint
{
    private readonly double _length;

    private LengthFixedPoint(bool exists, double length, int evaluations, string description)
    {
        Exists = exists;
        _length = length;
        Evaluations = evaluations;
        Description = description;
    }

    internal static LengthFixedPoint Found(double length, int evaluations, string description) =>
        new(true, length, evaluations, description);

    internal static LengthFixedPoint None(int evaluations, string description) =>
        new(false, double.NaN, evaluations, description);

    /// <summary>Whether the length map has a fixed point reached from q_0.</summary>
    public bool Exists { get; }

    /// <summary>q*, the fixed point.</summary>
    /// <exception cref="InvalidOperationException">There is no fixed point (<see cref="Exists"/> is false); the message
    /// says why.</exception>
    public double Length =>
        Exists ? _length : throw new InvalidOperationException($"The length map has no fixed point: {Description}");

    /// <summary>How many times the length map was evaluated.</summary>
    public int Evaluations { get; }

    /// <summary>What was found, in words (e.g. "q* = 0: the signal vanishes" or why there is no fixed point).</summary>
    public string Description { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        Exists ? $"q* = {_length:G6} ({Description})" : $"no fixed point ({Description})";
}
