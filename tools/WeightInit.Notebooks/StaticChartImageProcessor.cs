using System.Globalization;
using WeightInit.Notebooks.StaticCharts;

namespace WeightInit.Notebooks;

/// <summary>
/// Adds a static PNG image next to the <c>text/html</c> of every Plotly chart output, so that GitHub, nbviewer and
/// offline HTML exports show the chart while VS Code and Jupyter keep the interactive one. The images are drawn
/// offline by Debian's chromium with the plotly.js version pinned in <c>tools/chart-renderer</c> (one browser start
/// per notebook); text outputs are not touched. It also replaces Plotly.NET's random chart ids with ids derived from
/// the chart (<see cref="StableChartIds"/>), so re-running an unchanged notebook leaves its file unchanged.
/// </summary>
/// <param name="renderer">The renderer (its tools located by <see cref="ChartRenderingTools.Locate"/>).</param>
/// <param name="log">Where a line per notebook with charts is written (the number of images and the time).</param>
public sealed class StaticChartImageProcessor(ChromiumChartRenderer renderer, TextWriter log) : IOutputProcessor
{
    /// <inheritdoc/>
    public string Name => "static chart images";

    /// <summary>Creates the processor for the repository at <paramref name="repositoryRoot"/>.</summary>
    /// <exception cref="ChartToolsMissingException">chromium or the pinned plotly.js is missing; the message says how to install them.</exception>
    public static StaticChartImageProcessor Create(string repositoryRoot, TextWriter log) =>
        new(new ChromiumChartRenderer(ChartRenderingTools.Locate(repositoryRoot)), log);

    /// <inheritdoc/>
    /// <exception cref="NotebookExecutionException">A chart could not be read or drawn (the message names the notebook).</exception>
    public async Task ProcessAsync(ProcessedNotebook notebook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ChartImageReport report;
        try
        {
            StableChartIds.Apply(notebook.Json, notebook.Name);
            report = await NotebookChartImages.AddImagesAsync(notebook.Json, renderer, cancellationToken);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or TimeoutException)
        {
            throw new NotebookExecutionException($"{notebook.Name}: {Name}: {e.Message}");
        }
        if (report.Charts > 0)
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"     {notebook.Name}: {report.Charts} static chart image(s) in {report.Seconds:0.0} s"));
    }
}
