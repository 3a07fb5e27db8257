using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks.Tests;

/// <summary>
/// The numbers a notebook's prose states, and whether each one appears in the notebook's code or printed
/// outputs: the net that catches a sentence left stale when an experiment changed (issue 20).
/// </summary>
/// <remarks>
/// <para>A number of the prose is a decimal ("0.348", "262,144"), a percentage ("77%"), a number in scientific
/// form ("4.49e-162", "3.4 × 10^{38}", "4.5·10⁻¹⁶²") or a power of ten ("10^{-5}", "10⁵").</para>
/// <para>It is found when a number of the code or the outputs (the pool) rounds to it: a decimal with d digits after
/// the point matches a pool number that rounds to it at d digits (an integer matches only itself or a pool number
/// within 0.5 of it); a percentage p% matches p or p/100 at its precision; a number in scientific form matches a pool
/// number within 5% of it (and printed with its own precision it rounds to the same mantissa); a power of ten 10^k
/// matches a pool number whose decimal logarithm is within 0.05 of k.</para>
/// <para>Not counted as claims: link targets, years (1900-2030), citations in parentheses that name a year, and
/// numbers that
/// name things rather than state them: after "notebook(s)", "§", "Fig.", "Figure", "Table", "Section", "eq.",
/// "arXiv", "#", and "cell(s)", or in a list after one ("notebooks 10 and 11").</para>
/// </remarks>
internal static partial class ProseNumbers
{
    /// <summary>A number stated in prose: its text, its value, and how it was written.</summary>
    public sealed record Stated(string Text, double Value, int Decimals, Form Form);

    /// <summary>How a stated number was written, which decides how closely it must match.</summary>
    public enum Form
    {
        /// <summary>A decimal or an integer.</summary>
        Plain,

        /// <summary>A percentage.</summary>
        Percent,

        /// <summary>A mantissa times a power of ten.</summary>
        Scientific,

        /// <summary>A bare power of ten.</summary>
        PowerOfTen,
    }

    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    [GeneratedRegex(@"\([^()]*?\b(1[9]\d\d|20[0-3]\d)[a-z]?\b[^()]*\)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\]\([^()\s]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(
        @"(?<![\w.^{])(?:(?:(?<m>\d+(?:\.\d+)?)\s*(?:×|\\times|·|\\cdot)\s*)?" +
        @"(?:10\^\{?(?<p>[-−]?\d+)\}?|10(?<s>[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))" +
        @"|(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:[eE](?<e>[-+−]?\d+))?)(?<pct>\s*%)?")]
    private static partial Regex Number();

    [GeneratedRegex(
        @"(notebooks?|§|Fig\.|Figure|Table|Section|eq\.|arXiv:?|#|cells?)\s*" +
        @"(?:\d+(?:\.\d+)?\s*(?:,|and|to|or|-|–)\s*)*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex NamingContext();

    [GeneratedRegex(@"(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")]
    private static partial Regex PoolNumber();

    /// <summary>The numbers stated in a piece of prose (markdown), without citations, years and names.</summary>
    /// <param name="prose">The markdown.</param>
    /// <returns>The stated numbers, in order.</returns>
    public static IReadOnlyList<Stated> In(string prose)
    {
        string text = Citation().Replace(LinkTarget().Replace(prose, "]"), " ");
        var found = new List<Stated>();
        foreach (Match m in Number().Matches(text))
        {
            if (NamingContext().IsMatch(text[..m.Index])) continue;
            var stated = Parse(m);
            if (stated is null) continue;
            if (stated.Form == Form.Plain && stated.Decimals == 0 && stated.Value is >= 1900 and <= 2030) continue;
            found.Add(stated);
        }
        return found;
    }

    private static Stated? Parse(Match m)
    {
        string text = m.Value.Trim();
        if (m.Groups["p"].Success || m.Groups["s"].Success)
        {
            string exponentText = m.Groups["p"].Success
                ? m.Groups["p"].Value.Replace('−', '-')
                : new string([.. m.Groups["s"].Value.Select(
                    c => c == '⁻' ? '-' : (char)('0' + Superscripts.IndexOf(c)))]);
            if (!int.TryParse(exponentText, CultureInfo.InvariantCulture, out int exponent)) return null;
            if (!m.Groups["m"].Success) return new Stated(text, Math.Pow(10, exponent), 0, Form.PowerOfTen);
            string mantissa = m.Groups["m"].Value;
            return new Stated(text, double.Parse(mantissa, CultureInfo.InvariantCulture) * Math.Pow(10, exponent),
                DecimalsOf(mantissa), Form.Scientific);
        }
        string digits = m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal);
        double value = double.Parse(digits, CultureInfo.InvariantCulture);
        if (m.Groups["e"].Success)
        {
            int e = int.Parse(m.Groups["e"].Value.Replace('−', '-'), CultureInfo.InvariantCulture);
            return new Stated(text, value * Math.Pow(10, e), DecimalsOf(digits), Form.Scientific);
        }
        return new Stated(text, value, DecimalsOf(digits), m.Groups["pct"].Success ? Form.Percent : Form.Plain);
    }

    private static int DecimalsOf(string digits)
    {
        int point = digits.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : digits.Length - point - 1;
    }

    /// <summary>Every number written in code or printed text (signs dropped: prose states magnitudes too).</summary>
    /// <param name="texts">Code sources and printed outputs.</param>
    /// <returns>The pool.</returns>
    public static HashSet<double> Pool(IEnumerable<string> texts)
    {
        var pool = new HashSet<double>();
        foreach (string text in texts)
            foreach (Match m in PoolNumber().Matches(text))
                if (double.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                    && double.IsFinite(v))
                    pool.Add(Math.Abs(v));
        return pool;
    }

    /// <summary>Whether a number of the pool rounds to the stated number (see the remarks for the rules).</summary>
    /// <param name="stated">The stated number.</param>
    /// <param name="pool">The numbers of the code and outputs.</param>
    /// <returns>True when one matches.</returns>
    public static bool IsFoundIn(Stated stated, IReadOnlySet<double> pool) => stated.Form switch
    {
        Form.PowerOfTen => pool.Any(p => p > 0 && Math.Abs(Math.Log10(p) - Math.Log10(stated.Value)) <= 0.05),
        Form.Scientific => pool.Any(p => MatchesScientific(p, stated)),
        Form.Percent => pool.Any(p => Rounds(p, stated.Value, stated.Decimals)
            || Rounds(p * 100, stated.Value, stated.Decimals)),
        _ => pool.Any(p => Rounds(p, stated.Value, stated.Decimals)),
    };

    private static bool Rounds(double candidate, double stated, int decimals)
    {
        if (decimals == 0) return Math.Abs(candidate - stated) < 0.5 && Math.Round(candidate) == stated;
        if (decimals > 15) return candidate == stated;
        return Math.Round(candidate, decimals, MidpointRounding.AwayFromZero) == Math.Round(stated, decimals);
    }

    private static bool MatchesScientific(double candidate, Stated stated)
    {
        if (candidate <= 0 || stated.Value <= 0) return candidate == stated.Value;
        if (Math.Abs(candidate / stated.Value - 1) > 0.05) return false;
        int exponent = (int)Math.Floor(Math.Log10(stated.Value));
        double scale = Math.Pow(10, exponent);
        return Math.Round(candidate / scale, stated.Decimals, MidpointRounding.AwayFromZero)
            == Math.Round(stated.Value / scale, stated.Decimals);
    }

    /// <summary>The markdown of a notebook's cells, and the code and printed text outputs (not chart data).</summary>
    /// <param name="notebook">The notebook's JSON.</param>
    /// <returns>Markdown cells; code sources with text outputs.</returns>
    public static (List<string> Markdown, List<string> CodeAndOutputs) Split(JsonObject notebook)
    {
        var markdown = new List<string>();
        var code = new List<string>();
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            string source = Join(cell!["source"]);
            if ((string?)cell["cell_type"] == "markdown")
            {
                markdown.Add(source);
                continue;
            }
            code.Add(source);
            foreach (var output in cell["outputs"]?.AsArray() ?? [])
            {
                if (output!["text"] is JsonNode text) code.Add(Join(text));
                else if (output["data"]?["text/plain"] is JsonNode plain) code.Add(Join(plain));
            }
        }
        return (markdown, code);
    }

    private static string Join(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };
}
