namespace WeightInit.Tests.Training;

/// <summary>
/// The gradient checks' rule: for every parameter value, |analytic - numeric| &lt;= 1e-6 max(|analytic|,
/// |numeric|, 1e-3), i.e. a relative error of at most 1e-6 (absolute 1e-9 for gradients below 1e-3), with the
/// numeric gradient the central difference (L(p + h) - L(p - h)) / 2h of an independent reference loss.
/// Step h = 1e-5: truncation error ~h^2 = 1e-10 and rounding ~1e-16 / h = 1e-11, both far below.
/// </summary>
internal static class FiniteDifference
{
    public const double Step = 1e-5;
    public const double RelativeTolerance = 1e-6;
    public const double GradientFloor = 1e-3;

    /// <summary>Checks every entry of every parameter of <paramref name="network"/>; returns how many and the worst
    /// relative error.</summary>
    public static (long Checked, double Worst) AssertMatches(Network network, NetworkGradients gradients,
        Func<double> referenceLoss, string what)
    {
        long checkedCount = 0;
        double worst = 0;
        for (int p = 0; p < network.Parameters.Count; p++)
        {
            var parameter = network.Parameters[p];
            var analytic = gradients.Gradient(p);
            for (int i = 0; i < parameter.Length; i++)
            {
                double saved = parameter.Values[i];
                parameter.Values[i] = saved + Step;
                double plus = referenceLoss();
                parameter.Values[i] = saved - Step;
                double minus = referenceLoss();
                parameter.Values[i] = saved;
                double numeric = (plus - minus) / (2 * Step);
                double error =
                    Math.Abs(analytic[i] - numeric)
                    / Math.Max(GradientFloor, Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric)));
                worst = Math.Max(worst, error);
                Assert.True(error <= RelativeTolerance,
                    $"{what}: parameter {p} ({parameter}) entry {i}: backprop {analytic[i]:R}, finite difference " +
                        $"{numeric:R}, relative error {error:E2}");
                checkedCount++;
            }
        }
        Assert.Equal(network.ParameterCount, checkedCount);
        return (checkedCount, worst);
    }
}
