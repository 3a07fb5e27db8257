using System.Numerics;
using WeightInit.Kernels;

namespace WeightInit.Activations;

/// <summary>
/// When a unit counts as saturated: the one definition the simulator
/// (<see cref="Simulation.LayerStatistics.SaturatedFraction"/>) and the trainer's diagnostics
/// (<see cref="Training.ActivationSiteSnapshot.SaturatedFraction"/>) share, both through the same code. A unit with
/// pre-activation z is saturated when its activation's slope has fallen below (1 - t^2) times its slope at 0:
/// |f'(z)| &lt; (1 - t^2) |f'(0)|, for a threshold t in (0, 1), <see cref="DefaultThreshold"/> = 0.97 by default.
/// </summary>
/// <remarks>
/// <para>The parametrization is chosen so that for tanh (f' = 1 - tanh^2, f'(0) = 1) the rule is exactly
/// |tanh z| &gt; t: with t = 0.97 it is the rule of Karpathy's "Building makemore Part 3: Activations &amp; Gradients,
/// BatchNorm" (2022), |z| &gt; artanh(0.97) = 2.09, where tanh passes back less than 5.9% of the gradient.</para>
/// <para>What it means for the other activations, at t = 0.97:</para>
/// <list type="bullet">
/// <item>Sigmoid (f' = s (1 - s), f'(0) = 1/4): (2s - 1)^2 &gt; t^2, i.e. |tanh(z / 2)| &gt; t: s below 0.015 or above
/// 0.985, |z| &gt; 2 artanh(0.97) = 4.19, where its slope is below 5.9% of its largest.</item>
/// <item>ELU and SELU (f' = c e^z on the negative side, c e^0 at 0): the negative tail z &lt; ln(1 - t^2) =
/// -2.83.</item>
/// <item>GELU and Swish: the negative tail, and the narrow band where f' crosses 0 (GELU near z = -0.75), where the
/// unit passes back almost nothing either.</item>
/// <item>Never saturated: the identity (slope 1 everywhere); ReLU, whose slope at 0 is taken as 0 as in PyTorch
/// (<see cref="Activation.ReLU"/>), so the limit is 0 (its inactive units are a different statistic:
/// <see cref="Simulation.LayerStatistics.ZeroFraction"/> and the dead fractions); the leaky ReLU, whose slopes 1 and a
/// are never below (1 - t^2) a.</item>
/// </list>
/// <para>A NaN slope counts as not saturated. The slopes are compared in double, also for float networks.</para>
/// </remarks>
public static class Saturation
{
    /// <summary>The default threshold t: 0.97, Karpathy's |tanh(z)| &gt; 0.97.</summary>
    public const double DefaultThreshold = 0.97;

    /// <summary>The slope below which a unit of <paramref name="activation"/> is saturated: (1 - t^2)
    /// |f'(0)|.</summary>
    /// <param name="activation">The activation f.</param>
    /// <param name="threshold">t, in (0, 1).</param>
    /// <returns>The limit on |f'(z)|; 0 for ReLU, NaN when f'(0) is NaN (then no unit counts as saturated).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not a number in (0, 1).</exception>
    public static double SlopeLimit(Activation activation, double threshold)
    {
        ArgumentNullException.ThrowIfNull(activation);
        CheckThreshold(threshold, nameof(threshold));
        return (1 - threshold * threshold) * Math.Abs(activation.Derivative(0.0));
    }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming <paramref name="paramName"/> unless t is in
    /// (0, 1).</summary>
    internal static void CheckThreshold(double threshold, string paramName)
    {
        if (!(threshold > 0 && threshold < 1))
            throw new ArgumentOutOfRangeException(paramName, threshold,
                $"{paramName} must lie in (0, 1), but it is {threshold}.");
    }

    /// <summary>
    /// How many of <paramref name="slopes"/> (values of f'(z)) are saturated, |f'(z)| &lt;
    /// <paramref name="slopeLimit"/>:
    /// the count both the simulator and the trainer make. Exact (counted in double lanes), the same on every SIMD path.
    /// </summary>
    internal static long Count<T>(ReadOnlySpan<T> slopes, double slopeLimit, SimdPath path = SimdPath.Auto)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.FloatOrDouble<T>();
        var op = new BelowLimit(slopeLimit);
        Span<double> lanes = stackalloc double[32];
        int done = SimdReduce.LaneSums(op, slopes, default, default, slopes.Length, lanes[..16], lanes[16..], path);
        double count = 0, unused = 0;
        foreach (double lane in lanes[..16]) count += lane;
        for (int i = done; i < slopes.Length; i++) SimdReduce.AccumulateElement(op, slopes, default, default, i,
            ref count, ref unused);
        return (long)count;
    }

    /// <summary>Adds 1 for every lane whose |slope| is below the limit (NaN: 0).</summary>
    private readonly struct BelowLimit(double limit) : IReduceOperator
    {
        public static int Inputs => 1;

        public void Accumulate<TV>(ref TV sum0, ref TV sum1, TV a, TV b,
            TV c) where TV : struct, ISimdVector<TV, double> =>
            sum0 += TV.One & TV.LessThan(TV.Abs(a), TV.Create(limit));
    }
}
