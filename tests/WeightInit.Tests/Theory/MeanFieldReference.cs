using System.Text.Json;

namespace WeightInit.Tests.Theory;

/// <summary>
/// The mpmath reference values of data/reference/mean_field/mean_field_reference.json (made by
/// make_mean_field_reference.py beside it: tanh-sinh quadrature at 25 digits and mpmath's root finder,
/// independent of the library's Gauss-Legendre panels and Brent's method).
/// </summary>
internal static class MeanFieldReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference",
            "mean_field_reference.json"))).RootElement);

    public static IEnumerable<JsonElement> Section(string name) => Root.Value.GetProperty(name).EnumerateArray();

    public static TheoryData<string, double, double, double> Expectations()
    {
        var data = new TheoryData<string, double, double, double>();
        foreach (var e in Section("expectations"))
            data.Add(e.GetProperty("activation").GetString()!, e.GetProperty("variance").GetDouble(),
                e.GetProperty("phi_squared").GetDouble(), e.GetProperty("derivative_squared").GetDouble());
        return data;
    }

    public static TheoryData<string, double, double, double, double> FixedPoints()
    {
        var data = new TheoryData<string, double, double, double, double>();
        foreach (var e in Section("fixed_points"))
            data.Add(e.GetProperty("activation").GetString()!, e.GetProperty("weight_variance").GetDouble(),
                e.GetProperty("bias_variance").GetDouble(),
                e.GetProperty("fixed_point_length").GetDouble(), e.GetProperty("chi1").GetDouble());
        return data;
    }

    public static TheoryData<double, double> CriticalLine()
    {
        var data = new TheoryData<double, double>();
        foreach (var e in Section("critical_line"))
            data.Add(e.GetProperty("bias_variance").GetDouble(), e.GetProperty("weight_variance").GetDouble());
        return data;
    }

    public static TheoryData<string, double, double, double, double, double> CorrelationMap()
    {
        var data = new TheoryData<string, double, double, double, double, double>();
        foreach (var e in Section("correlation_map"))
            data.Add(e.GetProperty("activation").GetString()!, e.GetProperty("weight_variance").GetDouble(),
                e.GetProperty("bias_variance").GetDouble(),
                e.GetProperty("length").GetDouble(), e.GetProperty("correlation").GetDouble(),
                    e.GetProperty("next_correlation").GetDouble());
        return data;
    }

    public static TheoryData<double, double, double, double> ChaoticFixedPoints()
    {
        var data = new TheoryData<double, double, double, double>();
        foreach (var e in Section("chaotic_fixed_points"))
            data.Add(e.GetProperty("weight_variance").GetDouble(), e.GetProperty("bias_variance").GetDouble(),
                e.GetProperty("correlation_fixed_point").GetDouble(), e.GetProperty("correlation_slope").GetDouble());
        return data;
    }
}
