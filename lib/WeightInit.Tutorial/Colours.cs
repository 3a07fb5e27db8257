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

    /// <summary>Paul Tol's wine (colour-blind-safe), for constant (non-zero) weights.</summary>
    public const string Wine = "#882255";

    private static readonly string[] ClassColours =
        [Blue, Vermillion, Green, Orange, Purple, SkyBlue, Yellow, Black, Wine, Grey];

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

    /// <summary>The colour of class <paramref name="index"/> of a data set (in scatter plots and decision
    /// regions).</summary>
    /// <param name="index">The class, 0 to 9.</param>
    /// <returns>A colour as #RRGGBB.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside 0 to 9.</exception>
    public static string Class(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ClassColours.Length);
        return ClassColours[index];
    }

    /// <summary>
    /// A darker shade of <paramref name="colour"/> (each channel halved): a variant of the same scheme beside it
    /// (e.g. Xavier uniform beside Xavier normal).
    /// </summary>
    /// <param name="colour">A colour as #RRGGBB.</param>
    /// <returns>The darker colour as #RRGGBB.</returns>
    /// <exception cref="ArgumentException">The colour is not #RRGGBB.</exception>
    public static string Variant(string colour)
    {
        var (r, g, b) = Channels(colour);
        return FormattableString.Invariant($"#{r / 2:X2}{g / 2:X2}{b / 2:X2}");
    }

    /// <summary>The colour made translucent, as the CSS rgba(...) string Plotly reads (e.g. for a band's
    /// fill).</summary>
    /// <param name="colour">A colour as #RRGGBB.</param>
    /// <param name="alpha">The opacity, in [0, 1].</param>
    /// <returns>rgba(r,g,b,alpha).</returns>
    /// <exception cref="ArgumentException">The colour is not #RRGGBB.</exception>
    /// <exception cref="ArgumentOutOfRangeException">alpha is outside [0, 1].</exception>
    public static string Translucent(string colour, double alpha)
    {
        if (!(alpha >= 0 && alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha,
            "alpha must be in [0, 1].");
        var (r, g, b) = Channels(colour);
        return FormattableString.Invariant($"rgba({r},{g},{b},{alpha})");
    }

    private static (int R, int G, int B) Channels(string colour)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(colour);
        if (colour.Length != 7 || colour[0] != '#' || !colour.Skip(1).All(Uri.IsHexDigit))
            throw new ArgumentException($"colour must be #RRGGBB, but it is '{colour}'.", nameof(colour));
        return (Convert.ToInt32(colour[1..3], 16), Convert.ToInt32(colour[3..5], 16),
            Convert.ToInt32(colour[5..7], 16));
    }

    /// <summary>
    /// The colour of an initialization scheme, recognized by a word of its label (case-insensitive):
    /// Xavier/Glorot blue, He/Kaiming green, LeCun orange, orthogonal purple, LSUV dark yellow, PyTorch's default
    /// grey, N(0, 1) or "std 1" vermillion, small weights (std 0.01) sky blue, zeros black, other constants wine.
    /// </summary>
    /// <param name="scheme">The scheme's label as the chart's legend shows it.</param>
    /// <returns>A colour as #RRGGBB.</returns>
    /// <exception cref="ArgumentException">No scheme is recognized in the label (use
    /// <see cref="Cycle(int)"/>).</exception>
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
        if (s.Contains("n(0, 1)") || s.Contains("n(0,1)") || s.Contains("std 1") || s.Contains("standard normal"))
            return Vermillion;
        if (s.Contains("zero")) return Black;
        if (s.Contains("constant")) return Wine;
        throw new ArgumentException(
            $"no known initialization scheme in '{scheme}'; use Colours.Cycle for other series.", nameof(scheme));
    }
}
