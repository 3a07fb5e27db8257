using System.Text.Json;

namespace WeightInit.Tests.Initializers;

/// <summary>
/// The library against values PyTorch itself produced (data/reference/torch_init_reference.json, made by
/// data/reference/make_torch_reference.py): gains, fans, the std and bound torch's xavier_*/kaiming_* pass to
/// its samplers, nn.Linear's defaults, eye_, dirac_ and sparse_'s zero count. Relative tolerance 1e-14.
/// </summary>
public class TorchReferenceTests
{
    private static readonly JsonElement Root = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "torch_init_reference.json"))).RootElement;

    private const double Rel = 1e-14;

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Rel * Math.Abs(expected),
            $"{what}: expected {expected:R} (PyTorch), got {actual:R}");

    private static int[] Shape(JsonElement e) =>
        e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt32()).ToArray();

    private static IEnumerable<JsonElement> Items(string name)
    {
        var items = Root.GetProperty(name).EnumerateArray().ToList();
        Assert.NotEmpty(items);
        return items;
    }

    private static FanMode Mode(string mode) => mode switch
    {
        "fan_in" => FanMode.FanIn,
        "fan_out" => FanMode.FanOut,
        _ => throw new InvalidDataException(mode),
    };

    /// <summary>PyTorch's nonlinearity name as the enum member (the enum's names are PyTorch's without
    /// underscores).</summary>
    private static Nonlinearity NonlinearityNamed(string name) =>
        Enum.Parse<Nonlinearity>(name.Replace("_", ""), ignoreCase: true);

    [Fact]
    public void GainsMatchCalculateGain()
    {
        int count = 0, activations = 0;
        foreach (var g in Items("gains"))
        {
            string name = g.GetProperty("nonlinearity").GetString()!;
            double? param =
                g.GetProperty("param").ValueKind == JsonValueKind.Null ? null : g.GetProperty("param").GetDouble();
            double gain = g.GetProperty("gain").GetDouble();
            Close(gain, Gain.For(NonlinearityNamed(name), param), $"gain({name}, {param})");
            if (!name.StartsWith("conv", StringComparison.Ordinal))
            {
                // The same gain from the activation PyTorch's name reads as (with the leaky ReLU's own slope).
                var activation = param is double slope ? Activation.CreateLeakyReLU(slope) : Activation.FromName(name);
                Close(gain, Gain.For(activation), $"gain of {activation}");
                activations++;
            }
            count++;
        }
        Assert.Equal(Enum.GetValues<Nonlinearity>().Length + 8, count);
        Assert.Equal(14, activations);
    }

    [Fact]
    public void FansMatchCalculateFanInAndFanOut()
    {
        foreach (var f in Items("fans"))
            Assert.Equal(new FanPair(f.GetProperty("fan_in").GetInt32(), f.GetProperty("fan_out").GetInt32()),
                Fans.FromShape(Shape(f)));
    }

    [Fact]
    public void XavierStdAndBoundMatchTorch()
    {
        foreach (var x in Items("xavier"))
        {
            var fans = Fans.FromShape(Shape(x));
            double gain = x.GetProperty("gain").GetDouble();
            Close(x.GetProperty("std").GetDouble(), Init.XavierNormal(gain).Std(fans.FanIn, fans.FanOut),
                $"xavier_normal_ std {fans} gain {gain}");
            Close(x.GetProperty("bound").GetDouble(), Init.XavierUniform(gain).Bound(fans.FanIn, fans.FanOut),
                $"xavier_uniform_ bound {fans} gain {gain}");
        }
    }

    [Fact]
    public void KaimingStdAndBoundMatchTorch()
    {
        foreach (var k in Items("kaiming"))
        {
            var fans = Fans.FromShape(Shape(k));
            double a = k.GetProperty("a").GetDouble();
            var mode = Mode(k.GetProperty("mode").GetString()!);
            var nonlinearity =
                Gain.NonlinearityOf(Activation.FromName(k.GetProperty("nonlinearity").GetString()!))!.Value;
            string what = $"kaiming {fans} a={a} {mode} {nonlinearity}";
            Close(k.GetProperty("std").GetDouble(), Init.HeNormal(a, mode, nonlinearity).Std(fans.FanIn, fans.FanOut),
                what + " std");
            Close(k.GetProperty("bound").GetDouble(), Init.HeUniform(a, mode, nonlinearity)
                .Bound(fans.FanIn, fans.FanOut), what + " bound");
            if (nonlinearity == Nonlinearity.Linear && mode == FanMode.FanIn)
            {
                // LeCun = kaiming with the linear gain and fan_in.
                Close(k.GetProperty("std").GetDouble(), Init.LeCunNormal().Std(fans.FanIn, fans.FanOut), what
                    + " LeCun std");
                Close(k.GetProperty("bound").GetDouble(), Init.LeCunUniform().Bound(fans.FanIn, fans.FanOut), what
                    + " LeCun bound");
            }
        }
    }

    [Fact]
    public void LinearDefaultsMatchNnLinear()
    {
        foreach (var l in Items("linear_default"))
        {
            int fanIn = l.GetProperty("fan_in").GetInt32(), fanOut = l.GetProperty("fan_out").GetInt32();
            Close(l.GetProperty("a").GetDouble(), PyTorchLinearDefaultInitializer.NegativeSlope, "a");
            Close(l.GetProperty("weight_bound").GetDouble(), Init.PyTorchLinearDefault().Bound(fanIn, fanOut),
                $"weight bound {fanIn}");
            Close(l.GetProperty("bias_bound").GetDouble(), PyTorchLinearDefaultInitializer.BiasBound(fanIn),
                $"bias bound {fanIn}");
        }
    }

    [Fact]
    public void EyeMatchesEye()
    {
        foreach (var e in Items("eye"))
        {
            var shape = Shape(e);
            var w = new double[shape[0] * shape[1]];
            Init.Eye().Fill(w, shape, new RandomSource(1));
            Assert.Equal(e.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()), w);
        }
    }

    [Fact]
    public void DiracMatchesDirac()
    {
        foreach (var d in Items("dirac"))
        {
            var shape = Shape(d);
            var w = new double[shape.Aggregate(1, (a, b) => a * b)];
            Init.Dirac(d.GetProperty("groups").GetInt32()).Fill(w, shape, new RandomSource(1));
            Assert.Equal(d.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()), w);
            var f = new float[w.Length];
            Init.Dirac(d.GetProperty("groups").GetInt32()).Fill(f, shape, new RandomSource(1));
            Assert.Equal(w.Select(x => (float)x), f);
        }
    }

    [Fact]
    public void SparseZeroCountMatchesSparse()
    {
        foreach (var s in Items("sparse"))
        {
            int rows = s.GetProperty("rows").GetInt32(), cols = s.GetProperty("cols").GetInt32();
            var init = new SparseInitializer(s.GetProperty("sparsity").GetDouble(), 0.01);
            int expected = s.GetProperty("zeros_per_column").GetInt32();
            Assert.Equal(expected, init.ZerosPerColumn(rows));
            var w = new double[rows * cols];
            init.Fill(w, [rows, cols], new RandomSource(4));
            for (int c = 0; c < cols; c++)
                Assert.Equal(expected, Enumerable.Range(0, rows).Count(r => w[r * cols + c] == 0));
        }
    }
}
