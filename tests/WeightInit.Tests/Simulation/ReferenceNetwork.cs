namespace WeightInit.Tests.Simulation;

/// <summary>
/// The simulated network written out plainly in double, one loop per formula, from the random
/// streams the simulator documents: input from Fork(0), W_l from Fork(l) (times s_l), b_l from Fork(2^32 + l),
/// the top gradient from Fork(2^33); f_L the network's output activation.
/// </summary>
internal sealed class ReferenceNetwork
{
    public List<double[]> Activations { get; } = []; // x_0 .. x_L
    public List<double[]> Gradients { get; } = [];   // g_0 .. g_L
    public List<double[]> PreActivations { get; } = []; // z_1 .. z_L

    public ReferenceNetwork(DeepNetwork net, SimulationOptions o)
    {
        int[] n = [.. net.Widths];
        int b = o.BatchSize, depth = net.Depth;
        var root = new RandomSource(o.Seed);
        bool single = o.Precision == FloatPrecision.Single;

        double[] Draw(int count, Action<Span<double>> fillDouble, Action<Span<float>> fillSingle)
        {
            if (!single)
            {
                var d = new double[count];
                fillDouble(d);
                return d;
            }
            var f = new float[count];
            fillSingle(f);
            return f.Select(v => (double)v).ToArray();
        }

        double[] x =
            o.Input?.ToArray()
            ?? Draw(b * n[0], s => root.Fork(0).FillNormal(s, 0, 1), s => root.Fork(0).FillNormal(s, 0f, 1f));
        Activations.Add(x);
        var weights = new List<double[]>();
        var preActivations = PreActivations;
        for (int l = 1; l <= depth; l++)
        {
            int nIn = n[l - 1], nOut = n[l];
            var w = Draw(nOut * nIn, s => net.WeightInitializer.Fill(s, [nOut, nIn], root.Fork((ulong)l)),
                s => net.WeightInitializer.Fill(s, [nOut, nIn], root.Fork((ulong)l)));
            if (net.WeightScales is { } scales)
                w = single ? [.. w.Select(v => (double)((float)v * (float)scales[l - 1]))] : [.. w.Select(v
                    => v * scales[l - 1])];
            var bi = net.BiasInitializer;
            var bias = Draw(nOut, s => bi.Fill(s, [nOut], root.Fork((1UL << 32) + (ulong)l)), s
                => bi.Fill(s, [nOut], root.Fork((1UL << 32) + (ulong)l)));
            var f = l == depth ? net.OutputActivation : net.Activation;
            var z = new double[b * nOut];
            var next = new double[b * nOut];
            for (int r = 0; r < b; r++)
                for (int j = 0; j < nOut; j++)
                {
                    double sum = 0;
                    for (int p = 0; p < nIn; p++) sum += x[r * nIn + p] * w[j * nIn + p];
                    z[r * nOut + j] = sum + bias[j];
                    next[r * nOut + j] = f.Apply(z[r * nOut + j]);
                }
            weights.Add(w);
            preActivations.Add(z);
            Activations.Add(next);
            x = next;
        }

        if (!o.ComputeBackward) return;
        var g = Draw(b * n[depth], s => root.Fork(1UL << 33).FillNormal(s, 0, 1), s => root.Fork(1UL << 33)
            .FillNormal(s, 0f, 1f));
        var down = new double[depth + 1][];
        down[depth] = g;
        for (int l = depth; l >= 1; l--)
        {
            int nIn = n[l - 1], nOut = n[l];
            var w = weights[l - 1];
            var z = preActivations[l - 1];
            var f = l == depth ? net.OutputActivation : net.Activation;
            var gPrev = new double[b * nIn];
            for (int r = 0; r < b; r++)
                for (int p = 0; p < nIn; p++)
                {
                    double sum = 0;
                    for (int j = 0; j < nOut; j++) sum += g[r * nOut + j] * f.Derivative(z[r * nOut + j]) * w[j * nIn
                        + p];
                    gPrev[r * nIn + p] = sum;
                }
            down[l - 1] = gPrev;
            g = gPrev;
        }
        Gradients.AddRange(down);
    }
}
