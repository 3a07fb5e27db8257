using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks.StaticCharts;

/// <summary>A chart drawn as a PNG image.</summary>
/// <param name="Png">The PNG file's bytes.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record ChartImage(byte[] Png, int Width, int Height);

/// <summary>
/// Draws Plotly figures as PNG images offline: one headless chromium start per batch loads a local page with the
/// pinned plotly.js bundle and calls <c>Plotly.toImage</c> for each figure in turn; the images are read back from
/// the page's DOM. Deterministic for a given chromium, plotly.js and font set (the same figure gives the same bytes).
/// </summary>
public sealed partial class ChromiumChartRenderer(ChartRenderingTools tools)
{
    /// <summary>Wall-clock limit for starting the browser, on top of <see cref="TimeoutPerChart"/> per chart.</summary>
    public TimeSpan BaseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wall-clock allowance per chart of a batch.</summary>
    public TimeSpan TimeoutPerChart { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The tools this renderer runs.</summary>
    public ChartRenderingTools Tools { get; } = tools ?? throw new ArgumentNullException(nameof(tools));

    /// <summary>
    /// Draws every figure, in order, in one browser start.
    /// </summary>
    /// <returns>One image per figure, in the same order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="figures"/> is null.</exception>
    /// <exception cref="InvalidOperationException">plotly.js failed on a figure (the message names its index and the error)
    /// or the browser did not report every image.</exception>
    /// <exception cref="TimeoutException">The browser did not finish in time.</exception>
    public async Task<IReadOnlyList<ChartImage>> RenderAsync(IReadOnlyList<PlotlyFigure> figures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Count == 0) return [];
        var folder = Directory.CreateTempSubdirectory("weightinit-charts-");
        try
        {
            var page = Path.Combine(folder.FullName, "render.html");
            await File.WriteAllTextAsync(page, BuildPage(figures), Encoding.UTF8, cancellationToken);
            var dom = await HeadlessChromium.DumpDomAsync(
                Tools.ChromiumPath, page, BaseTimeout + TimeoutPerChart * figures.Count, cancellationToken);
            return ReadImages(dom, figures);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Draws one figure (a batch of one).</summary>
    public async Task<ChartImage> RenderAsync(PlotlyFigure figure, CancellationToken cancellationToken = default) =>
        (await RenderAsync([figure ?? throw new ArgumentNullException(nameof(figure))], cancellationToken))[0];

    private string BuildPage(IReadOnlyList<PlotlyFigure> figures)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < figures.Count; i++)
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"{{\"width\":{figures[i].Width},\"height\":{figures[i].Height},\"figure\":{figures[i].ToJson()}}}");
        json.Append(']');
        // The figures sit in a JSON script element (their text escapes '<'), so no figure text can end the script.
        return $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8">
            <script src="{{new Uri(Tools.PlotlyJsPath).AbsoluteUri}}"></script>
            </head><body>
            <script type="application/json" id="figures">{{json}}</script>
            <div id="results"></div>
            <script>
            (async function () {
              const results = document.getElementById('results');
              // (No timing here: under --virtual-time-budget the page's clocks are virtual.)
              const report = (id, text) => {
                const pre = document.createElement('pre');
                pre.id = id;
                pre.textContent = text;
                results.appendChild(pre);
              };
              if (typeof Plotly === 'undefined') { report('fatal', 'plotly.js did not load'); return; }
              const figures = JSON.parse(document.getElementById('figures').textContent);
              for (let i = 0; i < figures.length; i++) {
                const f = figures[i].figure;
                try {
                  const url = await Plotly.toImage(
                    { data: f.data, layout: f.layout, config: f.config },
                    { format: 'png', width: figures[i].width, height: figures[i].height, scale: 1 });
                  report('image-' + i, url);
                } catch (e) {
                  report('error-' + i, String(e && e.stack || e));
                }
              }
              report('done', String(figures.length));
            })();
            </script>
            </body></html>
            """;
    }

    private static List<ChartImage> ReadImages(string dom, IReadOnlyList<PlotlyFigure> figures)
    {
        var reports = new Dictionary<string, string>();
        foreach (Match m in ReportElement().Matches(dom))
            reports[m.Groups["id"].Value] = WebUtility.HtmlDecode(m.Groups["text"].Value);
        if (reports.TryGetValue("fatal", out var fatal))
            throw new InvalidOperationException($"Chart rendering failed: {fatal}.");
        var images = new List<ChartImage>(figures.Count);
        for (var i = 0; i < figures.Count; i++)
        {
            if (reports.TryGetValue($"error-{i}", out var error))
                throw new InvalidOperationException($"plotly.js could not draw chart {i + 1} of {figures.Count}: {error}");
            if (!reports.TryGetValue($"image-{i}", out var image))
                throw new InvalidOperationException(
                    $"The browser reported no image for chart {i + 1} of {figures.Count} (it stopped before the page finished).");
            const string prefix = "data:image/png;base64,";
            if (!image.StartsWith(prefix, StringComparison.Ordinal))
                throw new InvalidOperationException($"Chart {i + 1}: plotly.js returned no PNG data URL.");
            var png = Convert.FromBase64String(image[prefix.Length..]);
            var (width, height) = PngImage.ReadSize(png);
            images.Add(new ChartImage(png, width, height));
        }
        if (!reports.ContainsKey("done"))
            throw new InvalidOperationException("The chart page did not finish.");
        return images;
    }

    [GeneratedRegex("""<pre id="(?<id>[a-z]+(-\d+)?)">(?<text>[^<]*)</pre>""")]
    private static partial Regex ReportElement();
}
