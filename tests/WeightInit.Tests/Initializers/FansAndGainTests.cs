namespace WeightInit.Tests.Initializers;

public class FansAndGainTests
{
    [Fact]
    public void FansOfDenseAndConvShapes()
    {
        Assert.Equal(new FanPair(200, 300), Fans.FromShape(300, 200));
        Assert.Equal(new FanPair(64 * 9, 128 * 9), Fans.FromShape(128, 64, 3, 3));
        Assert.Equal(new FanPair(3 * 5, 16 * 5), Fans.FromShape(16, 3, 5));
    }

    [Fact]
    public void FanModes()
    {
        var f = new FanPair(200, 800);
        Assert.Equal(200, Fans.For(f, FanMode.FanIn));
        Assert.Equal(800, Fans.For(f, FanMode.FanOut));
        Assert.Equal(500, Fans.For(f, FanMode.FanAvg));
        Assert.Equal(400, Fans.For(f, FanMode.FanGeoAvg), 1e-12);
    }

    [Fact]
    public void GainTable()
    {
        Assert.Equal(1.0, Gain.For(Nonlinearity.Linear));
        Assert.Equal(1.0, Gain.For(Nonlinearity.ConvTranspose3d));
        Assert.Equal(1.0, Gain.For(Nonlinearity.Sigmoid));
        Assert.Equal(5.0 / 3.0, Gain.For(Nonlinearity.Tanh));
        Assert.Equal(Math.Sqrt(2.0), Gain.For(Nonlinearity.ReLU));
        Assert.Equal(Math.Sqrt(2.0 / (1 + 0.01 * 0.01)), Gain.For(Nonlinearity.LeakyReLU));
        Assert.Equal(Math.Sqrt(2.0 / 1.25), Gain.For(Nonlinearity.LeakyReLU, 0.5));
        Assert.Equal(0.75, Gain.For(Nonlinearity.Selu));
    }

    [Fact]
    public void GainOfAnActivationIsThatOfItsPytorchNonlinearity()
    {
        Assert.Equal(1.0, Gain.For(Activation.Identity));
        Assert.Equal(1.0, Gain.For(Activation.Sigmoid));
        Assert.Equal(5.0 / 3.0, Gain.For(Activation.Tanh));
        Assert.Equal(Math.Sqrt(2.0), Gain.For(Activation.ReLU));
        Assert.Equal(Math.Sqrt(2.0 / (1 + 0.01 * 0.01)), Gain.For(Activation.LeakyReLU));
        Assert.Equal(Math.Sqrt(2.0 / 1.25), Gain.For(Activation.CreateLeakyReLU(0.5)));
        Assert.Equal(0.75, Gain.For(Activation.Selu));
        Assert.Equal(0.75, Gain.For(new SeluActivation()));
        Assert.Equal(Nonlinearity.Linear, Gain.NonlinearityOf(Activation.Identity));
        Assert.Equal(Nonlinearity.LeakyReLU, Gain.NonlinearityOf(Activation.CreateLeakyReLU(0.2)));
        Assert.Equal(Nonlinearity.Tanh, Gain.NonlinearityOf(new TanhActivation()));
        foreach (var none in new[] { Activation.Elu, Activation.Gelu, Activation.Swish,
            Tests.Simulation.Softsign.Instance })
            Assert.Null(Gain.NonlinearityOf(none));
    }

    [Fact]
    public void HeDefaultsArePytorchsLeakyReluWithSlopeZero()
    {
        Assert.Equal(Math.Sqrt(2.0), new HeInitializer(uniform: false).Gain);
        Assert.Equal(Math.Sqrt(2.0) / Math.Sqrt(50), Init.HeNormal().Std(50, 7), 1e-15);
        Assert.Equal(Math.Sqrt(6.0 / 7), Init.HeUniform(mode: FanMode.FanOut).Bound(50, 7), 1e-15);
    }

    [Fact]
    public void HeInitializersReportTheirParametersAndTheGainTheyGive()
    {
        foreach (var parameters in new[] { new HeInitializer(false, 0.2, FanMode.FanOut).Parameters,
            new HeInitializer(true, 0.2, FanMode.FanOut).Parameters })
        {
            Assert.Equal(0.2, parameters.NegativeSlope);
            Assert.Equal(FanMode.FanOut, parameters.Mode);
            Assert.Equal(Nonlinearity.LeakyReLU, parameters.Nonlinearity);
            Assert.Equal(Math.Sqrt(2.0 / 1.04), parameters.Gain, 1e-15);
        }
        var tanh = new HeInitializer(true, nonlinearity: Nonlinearity.Tanh).Parameters;
        Assert.Equal((0.0, FanMode.FanIn, 5.0 / 3.0), (tanh.NegativeSlope, tanh.Mode, tanh.Gain));
    }

    [Fact]
    public void SimpleUniformAndPytorchLinearDefaultShareTheBoundOneOverSqrtFanIn()
    {
        for (int n = 1; n <= 100; n++)
        {
            Assert.Equal(1 / Math.Sqrt(n), Init.SimpleUniform().Bound(n, 10), 1e-15);
            Assert.Equal(1 / Math.Sqrt(n), Init.PyTorchLinearDefault().Bound(n, 10), 1e-15);
        }
    }
}
