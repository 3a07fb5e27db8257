namespace WeightInit.Tests.Simulation;

public class PreActivationObserverTests
{
    private static DeepNetwork Net(Activation activation)
        => DeepNetwork.Stack(6, 16, activation, Init.XavierNormal(), Init.Normal(0, 0.3));

    private static readonly SimulationOptions Options = new() { BatchSize = 5, Seed = 12, ComputeBackward = true };

    [Fact]
    public void ObserverSeesEveryLayerOnceInOrderBeforeTheActivation()
    {
        var layers = new List<int>();
        double[]? last = null;
        var result = DeepNetworkSimulator.Run(Net(Activation.Tanh), Options with
        {
            PreActivationObserver = (l, z, width) =>
            {
                layers.Add(l);
                Assert.Equal(16, width);
                Assert.Equal(5 * 16, z.Length);
                last = z.ToArray();
            },
        });
        Assert.Equal([1, 2, 3, 4, 5, 6], layers); // not again during the checkpointed backward pass
        for (int i = 0; i < last!.Length; i++) Assert.Equal(Math.Tanh(last[i]), result.Output[i], 1e-15);
    }

    [Fact]
    public void FloatRunsHandDoubles()
    {
        var seen = new double[6];
        var result = DeepNetworkSimulator.Run(Net(Activation.Identity), Options with
        {
            Precision = FloatPrecision.Single,
            PreActivationObserver = (l, z, width) => seen[l - 1] = z[0],
        });
        Assert.Equal((float)result.Output[0], (float)seen[^1]);
    }

    [Fact]
    public void WeightScalesMultiplyEachLayer()
    {
        // A linear network without biases: scaling layer l by s_l scales the output by the product.
        var plain = DeepNetwork.Stack(6, 16, Activation.Identity, Init.XavierNormal());
        double[] scales = [0.5, 2, 3, 1, 0.25, 1.5];
        var a = DeepNetworkSimulator.Run(plain, Options);
        var b = DeepNetworkSimulator.Run(plain.WithWeightScales(scales), Options);
        double product = scales.Aggregate(1.0, (p, s) => p * s);
        for (int i = 0; i < a.Output.Count; i++) Assert.Equal(a.Output[i] * product, b.Output[i], 1e-12
            * Math.Abs(a.Output[i] * product) + 1e-300);
    }
}
