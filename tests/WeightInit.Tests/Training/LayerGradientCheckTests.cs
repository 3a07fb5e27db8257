using Xunit.Abstractions;

namespace WeightInit.Tests.Training;

/// <summary>
/// Backpropagation through batch normalization, layer normalization, activation layers and residual
/// blocks (identity and projection shortcuts, fixed and learnable alpha, normalization inside the
/// branch) against central finite differences of an independent scalar forward pass
/// (<see cref="ReferenceLayers"/>), in training mode, under <see cref="FiniteDifference"/>'s rule (the dense
/// layers' one). Smooth activations only (tanh,
/// GELU), so no pre-activation sits on a kink; every scale, shift and alpha starts away from its
/// initial value so that no gradient is zero by symmetry.
/// </summary>
public sealed class LayerGradientCheckTests(ITestOutputHelper output)
{
    private const int Count = 6, Inputs = 4, Classes = 3;

    public static TheoryData<string> Cases => new()
    {
        "batch norm", "layer norm", "activation layer", "residual", "residual with learnable alpha",
        "residual with projection", "residual with batch norm in the branch", "residual with layer norm in the branch",
    };

    private static Network Build(string name, RandomSource random)
    {
        DenseLayer Dense(int inputs, int outputs, Activation activation)
        {
            var layer = new DenseLayer(inputs, outputs, activation);
            layer.Initialize(Init.Normal(0, 0.6), random);
            random.FillNormal(layer.Biases, 0, 0.3);
            return layer;
        }
        T Jitter<T>(T layer) where T : Layer
        {
            foreach (var p in layer.Parameters.Where(p => p.Role is ParameterRole.Scale or ParameterRole.Shift))
                for (int i = 0; i < p.Length; i++) p.Values[i] += 0.3 * random.NextStandardNormal();
            return layer;
        }
        Layer[] layers = name switch
        {
            "batch norm" =>
                [Dense(Inputs, 5, Activation.Identity), Jitter(new BatchNormLayer(5)),
                new ActivationLayer(5, Activation.Tanh), Dense(5, Classes, Activation.Identity)],
            "layer norm" =>
                [Dense(Inputs, 5, Activation.Identity), Jitter(new LayerNormLayer(5)),
                new ActivationLayer(5, Activation.Gelu), Dense(5, Classes, Activation.Identity)],
            "activation layer" =>
                [Dense(Inputs, 5, Activation.Identity), new ActivationLayer(5, Activation.Tanh),
                Dense(5, Classes, Activation.Identity)],
            "residual" =>
                [Dense(Inputs, 5, Activation.Tanh),
                new ResidualBlock([Dense(5, 7, Activation.Tanh), Dense(7, 5, Activation.Identity)]),
                Dense(5, Classes, Activation.Identity)],
            "residual with learnable alpha" => [Dense(Inputs, 5, Activation.Tanh),
                new ResidualBlock([Dense(5, 5, Activation.Gelu), Dense(5, 5, Activation.Identity)], alpha: 0.7,
                    learnableAlpha: true),
                new ResidualBlock([Dense(5, 5, Activation.Tanh)], alpha: -0.4, learnableAlpha: true),
                    Dense(5, Classes, Activation.Identity)],
            "residual with projection" =>
                [new ResidualBlock([Dense(Inputs, 6, Activation.Tanh), Dense(6, 5, Activation.Identity)], alpha: 0.8,
                learnableAlpha: true,
                projection: Dense(Inputs, 5, Activation.Identity)), Dense(5, Classes, Activation.Identity)],
            "residual with batch norm in the branch" => [Dense(Inputs, 5, Activation.Identity),
                new ResidualBlock([Dense(5, 5, Activation.Identity), Jitter(new BatchNormLayer(5)),
                    new ActivationLayer(5, Activation.Tanh), Dense(5, 5, Activation.Identity),
                    Jitter(new BatchNormLayer(5))],
                    alpha: 0.6, learnableAlpha: true), Dense(5, Classes, Activation.Identity)],
            "residual with layer norm in the branch" => [Dense(Inputs, 5, Activation.Identity),
                new ResidualBlock([Jitter(new LayerNormLayer(5)), Dense(5, 5, Activation.Tanh),
                    Dense(5, 5, Activation.Identity)]), Dense(5, Classes, Activation.Identity)],
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
        };
        return new Network(layers);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BackpropagationMatchesCentralDifferences(string name)
    {
        var random = new RandomSource(20261201);
        var network = Build(name, random);
        var inputs = new double[Count * Inputs];
        random.FillNormal(inputs, 0, 1);
        var labels = Enumerable.Range(0, Count).Select(i => i % Classes).ToArray();
        double Reference() =>
            ReferenceLayers.SoftmaxLoss(ReferenceLayers.Forward(network.Layers, inputs, Count, training: true), labels,
            Count, Classes);

        var (checkedCount, worst) = FiniteDifference.AssertBackpropagationMatches(network, inputs, labels, Count,
            Loss.SoftmaxCrossEntropy, Reference, name);
        output.WriteLine($"{name}: {checkedCount} parameters, worst relative error {worst:E2}");
    }

    [Fact]
    public void TheCasesCoverEveryLayerKindAndParameterRole()
    {
        var random = new RandomSource(1);
        var networks = ((IEnumerable<object[]>)Cases).Select(c => Build((string)c[0], random)).ToArray();
        var kinds =
            networks.SelectMany(n => n.Layers.SelectMany(AllLayers)).Select(l => l.GetType()).Distinct().ToArray();
        foreach (var kind in new[] { typeof(DenseLayer), typeof(ActivationLayer), typeof(BatchNormLayer),
            typeof(LayerNormLayer), typeof(ResidualBlock) })
            Assert.Contains(kind, kinds);
        var roles = networks.SelectMany(n => n.Parameters).Select(p => p.Role).Distinct().ToArray();
        Assert.Equal(Enum.GetValues<ParameterRole>().Length, roles.Length);
    }

    private static IEnumerable<Layer> AllLayers(Layer layer) => layer is ResidualBlock block
        ? block.Branch.SelectMany(AllLayers).Concat(block.Projection is null ? [] : [block.Projection]).Prepend(layer)
        : [layer];
}
