namespace WeightInit.Tutorial;

/// <summary>
/// The notebooks' colours: one fixed colour per initialization scheme, the same in every chart of every
/// notebook, and a palette for other series. Both come from Okabe and Ito's colour-blind-safe palette
/// (Okabe &amp; Ito, 2008, "Color Universal Design"), with grey and black for the baselines.
/// </summary>
public static class Colours
{
    /// <summary>Okabe-Ito blue.</summary>
    public const string Blue = "#0072B2";

    /// <summary>Okabe-Ito bluish green.</summary>
    public const string Green = "#009E73";

    /// <summary>Okabe-Ito vermillion.</summary>
    public const string Vermillion = "#D55E00";

    /// <summary>Okabe-Ito orange.</summary>
    public const string Orange = "#E69F00";

    /// <summary>Okabe-Ito sky blue.</summary>
    public const string SkyBlue = "#56B4E9";

    /// <summary>Okabe-Ito reddish purple.</summary>
    public const string Purple = "#CC79A7";

    /// <summary>A dark yellow (Okabe-Ito's yellow, darkened to stay visible on white).</summary>
    public const string Yellow = "#B59A00";

    /// <summary>Black.</summary>
    public const string Black = "#000000";

    /// <summary>Grey, for reference lines and baselines.</summary>
    public const string Grey = "#7F7F7F";

    private static readonly string[] Palette = [Blue, Vermillion, Green, Orange, Purple, SkyBlue, Yellow, Black, Grey];

    /// <summary>The i-th colour of the palette (it repeats after 9).</summary>
    /// <param name="index">The series' index, 0 or more.</param>
    /// <returns>A colour as #RRGGBB.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative.</exception>
    public static string Cycle(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Palette[index % Palette.Length];
    }

    /// <summary>
    /// The colour of an initialization scheme, recognized by a word of its label (case-insensitive):
    /// Xavier/Glorot blue, He/Kaiming green, LeCun orange, orthogonal purple, LSUV dark yellow, PyTorch's default
    /// grey, N(0, 1) or "std 1" vermillion, small weights (std 0.01) sky blue, zeros or constants black.
    /// </summary>
    /// <param name="scheme">The scheme's label as the chart's legend shows it.</param>
    /// <returns>A colour as #RRGGBB.</returns>
    /// <exception cref="ArgumentException">No scheme is recognized in the label (use <see cref="Cycle(int)"/>).</exception>
    public static string Scheme(string scheme)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        string s = scheme.ToLowerInvariant();
        if (s.Contains("xavier") || s.Contains("glorot")) return Blue;
        if (s.Contains("kaiming") || System.Text.RegularExpressions.Regex.IsMatch(s, @"\bhe\b")) return Green;
        if (s.Contains("lecun")) return Orange;
        if (s.Contains("orthogonal")) return Purple;
        if (s.Contains("lsuv")) return Yellow;
        if (s.Contains("pytorch") || s.Contains("default")) return Grey;
        if (s.Contains("0.01") || s.Contains("small")) return SkyBlue;
        if (s.Contains("n(0, 1)") || s.Contains("n(0,1)") || s.Contains("std 1") || s.Contains("standard normal")) return Vermillion;
        if (s.Contains("zero") || s.Contains("constant")) return Black;
        throw new ArgumentException($"no known initialization scheme in '{scheme}'; use Colours.Cycle for other series.", nameof(scheme));
    }
}
