namespace WeightInit.Tests.LinearAlgebra;

/// <summary>Bad input: one test per rule, each checking the exception type and the parameter it names.</summary>
public class MatrixMultiplyValidationTests
{
    private static readonly float[] A = new float[6], B = new float[12], C = new float[8];

    [Theory]
    [InlineData(0, 3, 4, "m")]
    [InlineData(-1, 3, 4, "m")]
    [InlineData(2, 0, 4, "k")]
    [InlineData(2, 3, -4, "n")]
    public void NonPositiveSizeThrowsNamingIt(int m, int k, int n, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MatrixMultiply.MultiplyTransposed(A, B, C, m, k, n));
        Assert.Equal(name, e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            MatrixMultiply.Multiply(new double[6], new double[12], new double[8], m, k, n));
        Assert.Equal(name, e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            MatrixMultiply.TransposeMultiply(A, B, C, m, k, n, accumulate: true));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void ShortAThrowsNamingItAndTheNeededLength()
    {
        var e = Assert.Throws<ArgumentException>(() => MatrixMultiply.MultiplyTransposed(new float[5], B, C, 2, 3, 4));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("6", e.Message);
    }

    [Fact]
    public void ShortBThrowsNamingItAndTheNeededLength()
    {
        var e = Assert.Throws<ArgumentException>(() => MatrixMultiply.Multiply(A, new float[11], C, 2, 3, 4));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("12", e.Message);
    }

    [Fact]
    public void ShortCThrowsNamingItAndTheNeededLength()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            MatrixMultiply.TransposeMultiply(new double[6], new double[12], new double[7], 2, 3, 4));
        Assert.Equal("c", e.ParamName);
        Assert.Contains("8", e.Message);
    }

    [Fact]
    public void COverlappingAThrows()
    {
        var buffer = new float[20];
        var e = Assert.Throws<ArgumentException>(() =>
            MatrixMultiply.MultiplyTransposed(buffer.AsSpan(0, 6), B, buffer.AsSpan(4, 8), 2, 3, 4));
        Assert.Equal("c", e.ParamName);
        Assert.Contains("overlap a", e.Message);
    }

    [Fact]
    public void COverlappingBThrows()
    {
        var buffer = new double[30];
        var e = Assert.Throws<ArgumentException>(() =>
            MatrixMultiply.Multiply(new double[6], buffer.AsSpan(10, 12), buffer.AsSpan(5, 8), 2, 3, 4));
        Assert.Equal("c", e.ParamName);
        Assert.Contains("overlap b", e.Message);
    }

    [Fact]
    public void NonOverlappingSlicesOfOneBufferAreAccepted()
    {
        var buffer = new float[26];
        buffer.AsSpan(0, 18).Fill(1f);
        MatrixMultiply.MultiplyTransposed(buffer.AsSpan(0, 6), buffer.AsSpan(6, 12), buffer.AsSpan(18, 8), 2, 3, 4);
        Assert.All(buffer[18..], x => Assert.Equal(3f, x));
    }
}
