using System.Globalization;
using Plotly.NET;

namespace WeightInit.Tutorial.Apps;

/// <summary>
/// One run of a notebook app: the code cell it is in, the charts it showed (each an offline HTML page in the output
/// folder, cell-NN.html), and the last line that names the output folder. <see cref="NotebookApp"/> holds the run of
/// the process.
/// </summary>
internal sealed class AppRun
{
    private readonly List<ShownChart> _charts = [];
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly bool _markers;

    /// <summary>Starts a run: creates the output folder and removes the charts an earlier run left in it.</summary>
    public AppRun(AppLocation location, TextWriter output, TextWriter error, bool markers)
    {
        Location = location ?? throw new ArgumentNullException(nameof(location));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _error = error ?? throw new ArgumentNullException(nameof(error));
        _markers = markers;
        Directory.CreateDirectory(location.OutputFolder);
        foreach (var old in Directory.EnumerateFiles(location.OutputFolder, "cell-*.*").ToList()) File.Delete(old);
    }

    /// <summary>Where the app runs.</summary>
    public AppLocation Location { get; }

    /// <summary>The code cell the app is in; 0 before the first.</summary>
    public int CurrentCell { get; private set; }

    /// <summary>The charts shown so far, in order.</summary>
    public IReadOnlyList<ShownChart> Charts => _charts;

    /// <summary>Enters code cell <paramref name="cell"/> (numbers increase through the app).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number does not follow the current cell's.</exception>
    public void EnterCell(int cell)
    {
        if (cell <= CurrentCell)
            throw new ArgumentOutOfRangeException(nameof(cell), cell,
                $"code cells are entered in order, but cell {CurrentCell} came before.");
        CurrentCell = cell;
        if (!_markers) return;
        _output.WriteLine(CellMarkers.Cell(cell));
        _error.WriteLine(CellMarkers.Cell(cell));
    }

    /// <summary>Writes <paramref name="chart"/>, the current cell's last expression, as an HTML page that draws
    /// offline: it loads the pinned plotly.js of tools/chart-renderer, or carries Plotly.NET's copy where that is not
    /// installed.</summary>
    /// <returns>The page's file.</returns>
    /// <exception cref="InvalidOperationException">No cell was entered.</exception>
    public ShownChart Show(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (CurrentCell == 0)
            throw new InvalidOperationException("a chart is shown by a code cell: enter the cell first.");
        var shownInCell = _charts.Count(c => c.Cell == CurrentCell);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"cell-{CurrentCell:D2}{(shownInCell == 0 ? "" : $"-{shownInCell + 1}")}.html");
        var file = Path.Combine(Location.OutputFolder, name);
        var html = File.Exists(Location.PlotlyJsFile)
            ? ChartPage.Html(chart, ChartPage.RelativeUrl(Location.OutputFolder, Location.PlotlyJsFile))
            : ChartPage.HtmlWithInlinePlotlyJs(chart);
        File.WriteAllText(file, html);
        var shown = new ShownChart(CurrentCell, file, html);
        _charts.Add(shown);
        return shown;
    }

    /// <summary>Ends the run: prints the end marker (if requested) and the last line, which names the output folder.
    /// </summary>
    /// <returns>The last line.</returns>
    public string Finish()
    {
        if (_markers)
        {
            _output.WriteLine(CellMarkers.End);
            _error.WriteLine(CellMarkers.End);
        }
        var line = _charts.Count == 0
            ? $"charts: none (the notebook draws none); output folder {Location.OutputFolderName}"
            : string.Create(CultureInfo.InvariantCulture,
                $"charts: {_charts.Count} HTML page(s) in {Location.OutputFolderName}");
        _output.WriteLine(line);
        return line;
    }

    /// <summary>What the app prints when a cell fails: the app, the cell and the error (a claim's "✗ ..." line as it
    /// is).</summary>
    public string DescribeFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = CurrentCell == 0 ? $"{Location.Notebook}.cs" : $"{Location.Notebook}.cs, code cell {CurrentCell}";
        return exception is ClaimFailedException claim
            ? $"{where}: a claim does not hold: {claim.Message}"
            : $"{where} failed: {exception}";
    }
}
