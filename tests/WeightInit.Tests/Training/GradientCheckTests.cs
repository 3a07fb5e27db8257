using Xunit.Abstractions;

namespace WeightInit.Tests.Training;

/// <summary>
/// Backpropagation against central finite differences, in double, for every activation of the
/// library (<see cref="Activation.All"/> and non-default parameters of the parameterized ones) and
/// for both losses. The finite
/// differences use an independent scalar forward pass written here, so the production forward pass
/// is checked too. The rule and the step are <see cref="FiniteDifference"/>'s.
/// </summary>
public sealed class GradientCheckTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Cases()
    {
        for (int index = 0; index < LibraryActivations().Count; index++)
            foreach (var loss in new[] { "softmax", "binary" })
                foreach (bool activatedOutput in new[] { false, true })
                    yield return [index, LibraryActivations()[index].Name, loss, activatedOutput];
    }

    private static IReadOnlyList<Activation> LibraryActivations() =>
        [.. Activation.All, Activation.CreateLeakyReLU(0.2), Activation.CreateElu(0.5), Activation.CreateSwish(2.0)];

    [Fact]
    public void TheCheckCoversAtLeastTheFourBasicActivations()
    {
        var names = LibraryActivations().Select(a => a.Name).ToArray();
        foreach (var required in new[] { "Identity", "Sigmoid", "Tanh", "ReLU" }) Assert.Contains(required, names);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BackpropagationMatchesCentralDifferences(int index, string activationName, string lossName,
        bool activatedOutput)
    {
        var activation = LibraryActivations()[index];
        Assert.Equal(activationName, activation.Name);
        var loss = lossName == "softmax" ? Loss.SoftmaxCrossEntropy : Loss.BinaryCrossEntropy;
        int outputs = lossName == "softmax" ? 3 : 1;
        int[] widths = [4, 5, 6, outputs];
        var random = new RandomSource(20261129);
        var network = Network.Create(activatedOutput
            ? DeepNetwork.Stack(widths, activation, Init.Normal(0, 0.8), Init.Normal(0, 0.3))
            : DeepNetwork.Classifier(widths, activation, Init.Normal(0, 0.8), Init.Normal(0, 0.3)), seed: 20261128);
        const int count = 7;
        var inputs = new double[count * widths[0]];
        random.FillNormal(inputs, 0, 1);
        var labels = Enumerable.Range(0, count).Select(i => i % (lossName == "softmax" ? 3 : 2)).ToArray();

        // Away from kinks: at every pre-activation z, f's own central difference with a step 100 times
        // larger than any perturbation below must agree with f'(z).
        foreach (var (z, layer) in ReferencePreActivations(network, inputs, count))
        {
            double f = network.DenseLayers[layer].Activation.Apply(z
                + 1e-4) - network.DenseLayers[layer].Activation.Apply(z - 1e-4);
            double numeric = f / 2e-4, analytic = network.DenseLayers[layer].Activation.Derivative(z);
            Assert.True(Math.Abs(numeric - analytic) <= 1e-5 * Math.Max(1, Math.Abs(analytic)),
                $"pre-activation {z} of layer {layer} is too close to a kink of {activationName} for a " +
                    $"finite-difference check");
        }

        var (checkedCount, worst) = FiniteDifference.AssertBackpropagationMatches(network, inputs, labels, count, loss,
            () => ReferenceLoss(network, inputs, labels, count, loss), $"{activationName}/{lossName}");
        output.WriteLine($"{activationName}/{lossName}/activatedOutput={activatedOutput}: {checkedCount} parameters, " +
            $"worst relative error {worst:E2}");
    }

    /// <summary>An independent scalar forward pass: every hidden pre-activation with its layer.</summary>
    private static IEnumerable<(double Z, int Layer)> ReferencePreActivations(Network network, double[] inputs,
        int count)
    {
        var result = new List<(double, int)>();
        ReferenceForward(network, inputs, count, (z, l) => result.Add((z, l)));
        return result;
    }

    private static double[] ReferenceForward(Network network, double[] inputs, int count, Action<double,
        int>? onPreActivation = null)
    {
        var current = inputs;
        for (int l = 0; l < network.DenseLayers.Count; l++)
        {
            var layer = network.DenseLayers[l];
            var next = new double[count * layer.OutputWidth];
            for (int b = 0; b < count; b++)
                for (int j = 0; j < layer.OutputWidth; j++)
                {
                    double z = layer.Biases[j];
                    for (int i = 0; i < layer.InputWidth; i++) z += layer.Weights[j * layer.InputWidth + i]
                        * current[b * layer.InputWidth + i];
                    onPreActivation?.Invoke(z, l);
                    next[b * layer.OutputWidth + j] = layer.Activation.Apply(z);
                }
            current = next;
        }
        return current;
    }

    /// <summary>The mean loss from the textbook formulas (no max-subtraction needed at these magnitudes).</summary>
    private static double ReferenceLoss(Network network, double[] inputs, int[] labels, int count, Loss loss)
    {
        var outputs = ReferenceForward(network, inputs, count);
        int width = network.OutputWidth;
        double total = 0;
        for (int b = 0; b < count; b++)
        {
            if (loss is BinaryCrossEntropyLoss)
            {
                // -log sigmoid(z) = log(1 + e^-z) and -log(1 - sigmoid(z)) = log(1 + e^z): no 1 - p cancellation.
                double z = outputs[b];
                total += labels[b] == 1 ? Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
            }
            else
            {
                double sum = 0;
                for (int j = 0; j < width; j++) sum += Math.Exp(outputs[b * width + j]);
                total -= Math.Log(Math.Exp(outputs[b * width + labels[b]]) / sum);
            }
        }
        return total / count;
    }
}
