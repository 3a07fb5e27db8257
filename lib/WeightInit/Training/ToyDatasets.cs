using WeightInit.Random;

namespace WeightInit.Training;

/// <summary>
/// Deterministic two-dimensional classification sets for decision-boundary pictures. Samples come
/// class by class (all of class 0, then class 1, ...); the same arguments and seed give the same
/// points, bit for bit.
/// </summary>
public static class ToyDatasets
{
    /// <summary>
    /// Interleaved spiral arms, one per class. Point j of class k (j = 0 .. n-1) lies at radius
    /// r = (j + 1) / n and angle theta = 2 pi k / classes + 4 r (about 0.64 of a turn from centre to
    /// rim), i.e. (r cos theta, r sin theta), plus independent N(0, noise^2) noise on each coordinate.
    /// </summary>
    /// <param name="pointsPerClass">Points per arm; at least 1.</param>
    /// <param name="classes">Number of arms (classes); at least 2.</param>
    /// <param name="noise">Standard deviation of the coordinate noise; finite, non-negative.</param>
    /// <param name="random">The source of the noise.</param>
    /// <returns>classes * pointsPerClass samples with 2 features.</returns>
    public static LabeledDataset Spirals(int pointsPerClass, int classes, double noise, RandomSource random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pointsPerClass);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Guard.FiniteNonNegative(noise);
        ArgumentNullException.ThrowIfNull(random);
        return Generate(pointsPerClass, classes, noise, random, (k, j) =>
        {
            double r = (j + 1.0) / pointsPerClass;
            double theta = 2 * Math.PI * k / classes + 4 * r;
            return (r * Math.Cos(theta), r * Math.Sin(theta));
        });
    }

    /// <summary>
    /// Two interleaving half circles ("two moons"). Class 0: (cos t, sin t); class 1:
    /// (1 - cos t, 0.5 - sin t); t = pi j / (n - 1) for j = 0 .. n-1 (t = 0 when n = 1); plus
    /// independent N(0, noise^2) noise on each coordinate.
    /// </summary>
    /// <param name="pointsPerClass">Points per moon; at least 1.</param>
    /// <param name="noise">Standard deviation of the coordinate noise; finite, non-negative.</param>
    /// <param name="random">The source of the noise.</param>
    /// <returns>2 * pointsPerClass samples with 2 features and 2 classes.</returns>
    public static LabeledDataset TwoMoons(int pointsPerClass, double noise, RandomSource random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pointsPerClass);
        Guard.FiniteNonNegative(noise);
        ArgumentNullException.ThrowIfNull(random);
        return Generate(pointsPerClass, 2, noise, random, (k, j) =>
        {
            double t = pointsPerClass == 1 ? 0 : Math.PI * j / (pointsPerClass - 1);
            return k == 0 ? (Math.Cos(t), Math.Sin(t)) : (1 - Math.Cos(t), 0.5 - Math.Sin(t));
        });
    }

    /// <summary>
    /// Two concentric circles. Class 0 lies on the unit circle, class 1 on the circle of radius
    /// <paramref name="factor"/>; angles t = 2 pi j / n for j = 0 .. n-1; plus independent
    /// N(0, noise^2) noise on each coordinate. Not linearly separable.
    /// </summary>
    /// <param name="pointsPerClass">Points per circle; at least 1.</param>
    /// <param name="factor">The inner radius, in (0, 1).</param>
    /// <param name="noise">Standard deviation of the coordinate noise; finite, non-negative.</param>
    /// <param name="random">The source of the noise.</param>
    /// <returns>2 * pointsPerClass samples with 2 features and 2 classes.</returns>
    public static LabeledDataset Circles(int pointsPerClass, double factor, double noise, RandomSource random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pointsPerClass);
        Guard.FinitePositive(factor);
        if (factor >= 1)
            throw new ArgumentOutOfRangeException(nameof(factor), factor,
                $"factor (the inner radius) must be less than 1, but it is {factor}.");
        Guard.FiniteNonNegative(noise);
        ArgumentNullException.ThrowIfNull(random);
        return Generate(pointsPerClass, 2, noise, random, (k, j) =>
        {
            double t = 2 * Math.PI * j / pointsPerClass;
            double r = k == 0 ? 1.0 : factor;
            return (r * Math.Cos(t), r * Math.Sin(t));
        });
    }

    /// <summary>
    /// Point j of class k is <paramref name="point"/>(k, j) plus N(0, noise^2) noise on x then on y, class by class:
    /// the samples and the order of the draws of every set of this class.
    /// </summary>
    private static LabeledDataset Generate(int pointsPerClass, int classes, double noise, RandomSource random,
        Func<int, int, (double X, double Y)> point)
    {
        var x = new double[2 * pointsPerClass * classes];
        var labels = new int[pointsPerClass * classes];
        int i = 0;
        for (int k = 0; k < classes; k++)
            for (int j = 0; j < pointsPerClass; j++, i++)
            {
                var (px, py) = point(k, j);
                x[2 * i] = px + noise * random.NextStandardNormal();
                x[2 * i + 1] = py + noise * random.NextStandardNormal();
                labels[i] = k;
            }
        return new LabeledDataset(x, labels, 2, classes);
    }
}
