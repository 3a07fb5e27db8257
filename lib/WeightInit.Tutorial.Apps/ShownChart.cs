namespace WeightInit.Tutorial.Apps;

/// <summary>A chart a notebook app showed: the code cell it ended, its HTML page and, once drawn, its PNG image.</summary>
/// <param name="Cell">The number of the code cell whose last expression it is.</param>
/// <param name="HtmlFile">The page's file.</param>
/// <param name="Html">The page's HTML.</param>
public sealed record ShownChart(int Cell, string HtmlFile, string Html)
{
    /// <summary>The file of the chart's PNG image (written only when the static renderer is installed).</summary>
    public string PngFile => Path.ChangeExtension(HtmlFile, ".png");
}
