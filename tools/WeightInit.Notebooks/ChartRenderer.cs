using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks;

/// <summary>A chart drawn as a PNG image.</summary>
/// <param name="Png">The PNG file's bytes.</param>
/// <param name="Width">Its width in pixels, as the browser decoded it.</param>
/// <param name="Height">Its height in pixels, as the browser decoded it.</param>
public sealed record ChartImage(byte[] Png, int Width, int Height);

/// <summary>
/// Draws Plotly figures as PNG images offline: one headless chromium start loads a local page with the pinned plotly.js
/// bundle, which calls <c>Plotly.toImage</c> for each figure in turn and decodes each image to report its size; the
/// images are read back from the page's DOM. The same figure gives the same bytes for a given chromium, plotly.js and
/// font set, so re-running an unchanged notebook leaves its images unchanged.
/// </summary>
/// <param name="tools">The browser tools (<see cref="BrowserTools.Locate"/>).</param>
public sealed partial class ChartRenderer(BrowserTools tools)
{
    /// <summary>Wall-clock limit for starting the browser, on top of <see cref="TimeoutPerChart"/> per chart.</summary>
    public TimeSpan BaseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wall-clock allowance per chart.</summary>
    public TimeSpan TimeoutPerChart { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Draws every figure, in order, in one browser start.</summary>
    /// <returns>One image per figure, in the same order.</returns>
    /// <exception cref="InvalidOperationException">plotly.js failed on a figure (the message names its index and the
    /// error) or the browser did not report every image.</exception>
    /// <exception cref="TimeoutException">The browser did not finish in time.</exception>
    public async Task<IReadOnlyList<ChartImage>> RenderAsync(IReadOnlyList<PlotlyFigure> figures,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Count == 0) return [];
        var folder = Directory.CreateTempSubdirectory("weightinit-charts-");
        try
        {
            var page = Path.Combine(folder.FullName, "render.html");
            await File.WriteAllTextAsync(page, BuildPage(figures), Encoding.UTF8, cancellationToken);
            var dom = await HeadlessChromium.DumpDomAsync(
                tools.ChromiumPath, page, BaseTimeout + TimeoutPerChart * figures.Count, cancellationToken);
            return ReadImages(dom, figures.Count);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// Draws every chart of <paramref name="notebook"/> in one browser start and sets each chart output's
    /// <c>data["image/png"]</c> (base64, replacing an older image); returns how many charts it drew.
    /// </summary>
    /// <exception cref="FormatException">A chart's figure cannot be read (the message names the chart).</exception>
    /// <exception cref="InvalidOperationException">The browser or plotly.js failed.</exception>
    public async Task<int> AddImagesAsync(JsonObject notebook, CancellationToken cancellationToken = default)
    {
        var outputs = PlotlyChart.ChartOutputsOf(notebook);
        var figures = outputs.Select((o, i) =>
        {
            try { return PlotlyChart.FigureOf(o); }
            catch (FormatException e)
            {
                throw new FormatException($"Chart {i + 1} of {outputs.Count}: {e.Message}", e);
            }
        }).ToList();
        var images = await RenderAsync(figures, cancellationToken);
        for (var i = 0; i < outputs.Count; i++)
            outputs[i]["data"]![PlotlyChart.ImageMimeType] = Convert.ToBase64String(images[i].Png);
        return outputs.Count;
    }

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
            <script src="{{new Uri(tools.PlotlyJsPath).AbsoluteUri}}"></script>
            </head><body>
            <script type="application/json" id="figures">{{json}}</script>
            <div id="results"></div>
            <script>
            (async function () {
              const results = document.getElementById('results');
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
                  const image = new Image();
                  await new Promise((resolve, reject) => {
                    image.onload = resolve; image.onerror = () => reject('the PNG does not decode'); image.src = url;
                  });
                  report('size-' + i, image.naturalWidth + 'x' + image.naturalHeight);
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

    private static List<ChartImage> ReadImages(string dom, int count)
    {
        var reports = new Dictionary<string, string>();
        foreach (Match m in ReportElement().Matches(dom))
            reports[m.Groups["id"].Value] = WebUtility.HtmlDecode(m.Groups["text"].Value);
        if (reports.TryGetValue("fatal", out var fatal))
            throw new InvalidOperationException($"Chart rendering failed: {fatal}.");
        var images = new List<ChartImage>(count);
        for (var i = 0; i < count; i++)
        {
            if (reports.TryGetValue($"error-{i}", out var error))
                throw new InvalidOperationException($"plotly.js could not draw chart {i + 1} of {count}: {error}");
            const string prefix = "data:image/png;base64,";
            if (!reports.TryGetValue($"image-{i}", out var image) || !image.StartsWith(prefix, StringComparison.Ordinal)
                || !reports.TryGetValue($"size-{i}", out var size))
                throw new InvalidOperationException(
                    $"The browser reported no PNG for chart {i + 1} of {count} (it stopped before the page finished).");
            var (width, height) = (size.Split('x')[0], size.Split('x')[1]);
            images.Add(new ChartImage(Convert.FromBase64String(image[prefix.Length..]),
                int.Parse(width, CultureInfo.InvariantCulture), int.Parse(height, CultureInfo.InvariantCulture)));
        }
        if (!reports.ContainsKey("done"))
            throw new InvalidOperationException("The chart page did not finish.");
        return images;
    }

    [GeneratedRegex("""<pre id="(?<id>[a-z]+(-\d+)?)">(?<text>[^<]*)</pre>""")]
    private static partial Regex ReportElement();
}
