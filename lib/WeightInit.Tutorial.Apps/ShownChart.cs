namespace WeightInit.Tutorial.Apps;

/// <summary>A chart a notebook app showed: the code cell it ended and its HTML page.</summary>
/// <param name="Cell">The number of the code cell whose last expression it is.</param>
/// <param name="HtmlFile">The page's file.</param>
/// <param name="Html">The page's HTML.</param>
public sealed record ShownChart(int Cell, string HtmlFile, string Html);
