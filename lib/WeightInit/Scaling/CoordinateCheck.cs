using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Scaling;

/// <summary>
/// The coordinate check of Tensor Programs V (Yang et al. 2022, section 7 and Figure 5; the <c>mup</c> package's
/// <c>get_coord_data</c>): build the model at several widths, train each a few steps, and record at every step the
/// typical size of each layer's values, mean |x_t|, and of their change since initialization, mean |x_t - x_0|, on a
/// fixed probe input. Under muP both stay flat in width after the first steps; under the standard parametrization
/// with Adam the changes grow with the width (and the logits blow up).
/// </summary>
public static class CoordinateCheck
{
    /// <summary>
    /// Runs the check: for each width, the subject's sites at step 0 and after each of <paramref name="steps"/> steps.
    /// </summary>
    /// <param name="widths">At least one width, each at least 1, no repeats.</param>
    /// <param name="createSubject">Builds the model of a width with its training (seeded by the caller).</param>
    /// <param name="steps">Training steps per width; at least 1.</param>
    /// <returns>The measurements.</returns>
    public static CoordinateCheckResult Run(IReadOnlyList<int> widths, Func<int, ICoordinateCheckSubject> createSubject,
        int steps)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(createSubject);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        if (widths.Count == 0) throw new ArgumentException("widths must hold at least one width.", nameof(widths));
        if (widths.Any(w => w < 1)) throw new ArgumentOutOfRangeException(nameof(widths),
            "Every width must be at least 1.");
        if (widths.Distinct().Count() != widths.Count) throw new ArgumentException("widths must not repeat a width.",
            nameof(widths));
        var points = new List<CoordinateCheckPoint>();
        IReadOnlyList<string>? sites = null;
        foreach (int width in widths)
        {
            var subject = createSubject(width) ?? throw new InvalidOperationException($"createSubject returned null " +
                $"for width {width}.");
            if (sites is null) sites = [.. subject.Sites];
            else if (!sites.SequenceEqual(subject.Sites))
                throw new InvalidOperationException($"The subject of width {width} has other sites than the first " +
                    $"width's.");
            var initial = subject.Probe();
            Record(points, width, 0, sites, initial, initial);
            for (int t = 1; t <= steps; t++)
            {
                subject.TrainStep();
                Record(points, width, t, sites, subject.Probe(), initial);
            }
        }
        return new CoordinateCheckResult([.. widths], sites!, steps, points);
    }

    /// <summary>mean |x| over the values (0 for none): the <c>mup</c> package's "l1" of a site.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The mean absolute value.</returns>
    internal static double MeanAbs(ReadOnlySpan<double> values) =>
        values.IsEmpty ? 0 : SimdReduce.Sum(new AbsoluteValue(), values, default, default) / values.Length;

    private static void Record(List<CoordinateCheckPoint> points, int width, int step, IReadOnlyList<string> sites,
        IReadOnlyList<double[]> values, IReadOnlyList<double[]> initial)
    {
        if (values.Count != sites.Count)
            throw new InvalidOperationException($"The probe returned {values.Count} arrays for {sites.Count} sites.");
        for (int s = 0; s < sites.Count; s++)
        {
            var x = values[s];
            var x0 = initial[s];
            if (x.Length != x0.Length)
                throw new InvalidOperationException($"Site '{sites[s]}' changed its length from {x0.Length} to " +
                    $"{x.Length}.");
            double change = x.Length == 0 ? 0
                : SimdReduce.Sum(new AbsoluteDifference(), x, x0, default) / x.Length;
            points.Add(new CoordinateCheckPoint(width, step, sites[s], MeanAbs(x), change));
        }
    }

    /// <summary>|a|.</summary>
    private readonly struct AbsoluteValue : IMapOperator
    {
        public static int Inputs => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double>
        {
            return TV.Abs(a);
        }
    }

    /// <summary>|a - b|.</summary>
    private readonly struct AbsoluteDifference : IMapOperator
    {
        public static int Inputs => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Invoke<TV>(TV a, TV b, TV c) where TV : struct, ISimdVector<TV, double>
        {
            return TV.Abs(a - b);
        }
    }
}
