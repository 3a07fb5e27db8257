namespace WeightInit.Tutorial.Tests;

public class TimingTests
{
    [Fact]
    public void ATimingLineStartsWithTheMarkAndGivesSeconds()
    {
        var printed = ConsoleCapture.Run(() => Timing.Print("two forward passes", TimeSpan.FromMilliseconds(1234)));
        Assert.Equal("⏱ two forward passes: 1.23 s" + Environment.NewLine, printed);
    }

    [Fact]
    public void MeasureReturnsTheResultAndPrintsOneTimingLine()
    {
        var result = 0;
        var printed = ConsoleCapture.Run(() => result = Timing.Measure("adding", () => 1 + 2));
        Assert.Equal(3, result);
        Assert.StartsWith(Timing.Mark + "adding: ", printed);
        Assert.Single(printed.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ATimingNeedsAName() =>
        Assert.Throws<ArgumentException>(() => Timing.Print(" ", TimeSpan.Zero));
}
