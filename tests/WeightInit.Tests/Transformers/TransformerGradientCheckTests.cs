using WeightInit.Tests.Training;
using WeightInit.Transformers;
using Xunit.Abstractions;

namespace WeightInit.Tests.Transformers;

/// <summary>
/// Backpropagation through the transformer layers and a whole GPT against central finite differences of the independent
/// scalar forward pass (<see cref="ReferenceGpt"/>), under <see cref="FiniteDifference"/>'s rule (relative error at
/// most 1e-6, every parameter entry). Every parameter starts away from its initial value (no gradient is zero by
/// symmetry: layer-norm gains 1 + N(0, 0.3^2), every weight and bias random); the sequences are shorter than the
/// context, so positions beyond them must get no gradient.
/// </summary>
public sealed class TransformerGradientCheckTests(ITestOutputHelper output)
{
    private const int Sequences = 2, Length = 3, Context = 4, Width = 4, Heads = 2, Inputs = 3, Classes = 3;

    public static TheoryData<string> LayerCases => new() { "attention", "attention, muP scale", "mlp", "block",
        "two blocks" };

    private static void Jitter(IEnumerable<Parameter> parameters, RandomSource random)
    {
        foreach (var p in parameters)
            for (int i = 0; i < p.Length; i++)
                p.Values[i] = p.Role == ParameterRole.Scale
                    ? 1 + 0.3 * random.NextStandardNormal()
                    : 0.5 * random.NextStandardNormal();
    }

    private static Layer Build(string name)
    {
        CausalSelfAttention Attention(double scale) => new(Width, Heads, Context, scale) { SequenceLength = Length };
        TransformerBlock Block()
        {
            var block = new TransformerBlock(Width, Heads, Context, 1 / Math.Sqrt(Width / Heads));
            block.Attention.SequenceLength = Length;
            return block;
        }
        return name switch
        {
            "attention" => Attention(1 / Math.Sqrt(Width / Heads)),
            "attention, muP scale" => Attention(1.0 / (Width / Heads)),
            "mlp" => new MlpBlock(Width, 4 * Width),
            "block" => Block(),
            _ => Block(),
        };
    }

    [Theory]
    [MemberData(nameof(LayerCases))]
    public void EachLayerBackpropagationMatchesCentralDifferences(string name)
    {
        var random = new RandomSource(20261206);
        var input = new DenseLayer(Inputs, Width, Activation.Tanh);
        var readout = new DenseLayer(Width, Classes, Activation.Identity);
        Layer[] layers = name == "two blocks" ? [input, Build(name), Build(name), readout] : [input, Build(name),
            readout];
        var network = new Network(layers);
        Jitter(network.Parameters, random);
        int count = Sequences * Length;
        var inputs = new double[count * Inputs];
        random.FillNormal(inputs, 0, 1);
        var labels = Enumerable.Range(0, count).Select(i => (i * 7) % Classes).ToArray();
        double Reference() => ReferenceLayers.SoftmaxLoss(ReferenceGpt.Forward(network.Layers, inputs, count), labels,
            count, Classes);

        var (checkedCount, worst) = FiniteDifference.AssertBackpropagationMatches(network, inputs, labels, count,
            Loss.SoftmaxCrossEntropy, Reference, name);
        output.WriteLine($"{name}: {checkedCount} parameters, worst relative error {worst:E2}");
    }

    public static TheoryData<string> ModelCases => new() { "untied", "tied",
        "muP at twice the base width (logits x 1/2)" };

    [Theory]
    [MemberData(nameof(ModelCases))]
    public void WholeGptBackpropagationMatchesCentralDifferences(string name)
    {
        var config = new GptConfig
        {
            VocabularySize = 5, ContextLength = Context, Layers = 2, Heads = Heads, ModelWidth = Width,
                TiedEmbeddings = name == "tied",
        };
        var parametrization = name.StartsWith("muP", StringComparison.Ordinal)
            ? GptParametrization.MaximalUpdate(Width / 2) with { ZeroQuery = false, ZeroReadout = false }
            : GptParametrization.Gpt2;
        var model = GptModel.Create(config, parametrization, new RandomSource(3));
        var random = new RandomSource(4);
        Jitter(model.Parameters, random);
        int count = Sequences * Length;
        var inputs = Enumerable.Range(0, count).Select(_ => random.NextInt(5)).ToArray();
        var targets = Enumerable.Range(0, count).Select(_ => random.NextInt(5)).ToArray();
        double Reference() => ReferenceGpt.Loss(model, inputs, targets, Length);

        var gradients = model.CreateGradients();
        double value = model.ComputeGradients(inputs, targets, Length, gradients);
        Assert.Equal(Reference(), value, 1e-12);
        Assert.Equal(Reference(), model.Loss(inputs, targets, Length), 1e-12);

        var (checkedCount, worst) = FiniteDifference.AssertMatches(model.Parameters, gradients.Gradient,
            p => model.ParameterNames[p], Reference, name);
        Assert.Equal(model.ParameterCount, checkedCount);
        // Position Length..Context-1 never occurs in these sequences: its rows of the position embedding get exactly 0.
        var positions = gradients.Gradient(1);
        Assert.All(positions[(Length * Width)..].ToArray(), g => Assert.Equal(0.0, g));
        output.WriteLine($"{name}: {checkedCount} parameters, worst relative error {worst:E2}");
    }

    [Fact]
    public void TheLayerCasesCoverEveryTransformerLayer()
    {
        var kinds = ((IEnumerable<object[]>)LayerCases).Select(c => Build((string)c[0]).GetType()).Distinct().ToArray();
        foreach (var kind in new[] { typeof(CausalSelfAttention), typeof(MlpBlock),
            typeof(TransformerBlock) }) Assert.Contains(kind, kinds);
    }

    [Fact]
    public void AfterJitterNoParameterHoldsARepeatedValue()
    {
        // The premise of the checks: no entry sits at an initial constant (0 or 1) where its gradient could vanish by
        // symmetry.
        var network = new Network([new DenseLayer(Inputs, Width, Activation.Tanh), Build("block"), new DenseLayer(Width,
            Classes, Activation.Identity)]);
        Jitter(network.Parameters, new RandomSource(1));
        Assert.All(network.Parameters, p => Assert.Equal(p.Length, p.Values.ToArray().Distinct().Count()));
    }
}
