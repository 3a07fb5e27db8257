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

    /// <summary>The gradient of parameter number <paramref name="parameter"/>, as backpropagation computed
    /// it.</summary>
    public delegate ReadOnlySpan<double> GradientOf(int parameter);

    /// <summary>Computes the gradients of <paramref name="loss"/> for <paramref name="network"/> on the batch,
    /// checks that the loss it returns is <paramref name="referenceLoss"/> (to 1e-12), then every entry of every
    /// parameter against central differences of <paramref name="referenceLoss"/>; returns how many and the worst
    /// relative error.</summary>
    public static (long Checked, double Worst) AssertBackpropagationMatches(Network network, double[] inputs,
        int[] labels, int count, Loss loss, Func<double> referenceLoss, string what)
    {
        var gradients = network.CreateGradients();
        double value = network.ComputeGradients(inputs, labels, count, loss, gradients);
        Assert.Equal(referenceLoss(), value, 1e-12);
        var (checkedCount, worst) = AssertMatches(network.Parameters, gradients.Gradient, p => $"parameter {p} " +
            $"({network.Parameters[p]})", referenceLoss, what);
        Assert.Equal(network.ParameterCount, checkedCount);
        return (checkedCount, worst);
    }

    /// <summary>Checks every entry of every one of <paramref name="parameters"/> (any model's: a network's, a GPT's),
    /// with <paramref name="describe"/> naming a parameter in a failure; returns how many and the worst relative
    /// error.</summary>
    public static (long Checked, double Worst) AssertMatches(IReadOnlyList<Parameter> parameters,
        GradientOf gradient, Func<int, string> describe, Func<double> referenceLoss, string what)
    {
        long checkedCount = 0;
        double worst = 0;
        for (int p = 0; p < parameters.Count; p++)
        {
            var parameter = parameters[p];
            var analytic = gradient(p);
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
                    $"{what}: {describe(p)} entry {i}: backprop {analytic[i]:R}, finite difference " +
                        $"{numeric:R}, relative error {error:E2}");
                checkedCount++;
            }
        }
        return (checkedCount, worst);
    }
}
