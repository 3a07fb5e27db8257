using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks.StaticCharts;

/// <summary>What the browser saw of one image in an HTML export.</summary>
/// <param name="Index">The image's position among the page's embedded (data URL) images.</param>
/// <param name="Loaded">The image decoded (<c>complete</c> with a natural width).</param>
/// <param name="NaturalWidth">Its width in pixels.</param>
/// <param name="NaturalHeight">Its height in pixels.</param>
/// <param name="ShownWidth">Its laid-out width on the page (CSS pixels).</param>
/// <param name="ShownHeight">Its laid-out height on the page.</param>
/// <param name="InkFraction">The fraction of its pixels that differ from its top-left pixel: 0 for a blank image.</param>
public sealed record ExportedImage(int Index, bool Loaded, int NaturalWidth, int NaturalHeight, double ShownWidth, double ShownHeight, double InkFraction)
{
    /// <summary>The smallest laid-out width and height, in CSS pixels, that counts as a drawn chart.</summary>
    public const double MinimumShownSize = 100;

    /// <summary>The smallest ink fraction that counts as a drawn chart (axes, labels and traces cover far more).</summary>
    public const double MinimumInk = 0.005;

    /// <summary>True when the image loaded, is laid out at a readable size and is not blank.</summary>
    public bool IsDrawn => Loaded && NaturalWidth > 0 && ShownWidth >= MinimumShownSize && ShownHeight >= MinimumShownSize && InkFraction >= MinimumInk;
}

/// <summary>The result of checking one exported HTML page.</summary>
/// <param name="Page">The page's file name.</param>
/// <param name="ExpectedImages">How many image outputs its notebook has.</param>
/// <param name="Images">What the browser saw of each embedded image.</param>
/// <param name="BlankChartPlaceholders">Interactive chart containers laid out with nothing drawn in them.</param>
public sealed record HtmlPageCheck(string Page, int ExpectedImages, IReadOnlyList<ExportedImage> Images, int BlankChartPlaceholders)
{
    /// <summary>The problems found; empty when every chart is drawn.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            if (Images.Count != ExpectedImages)
                problems.Add($"{Page}: {Images.Count} embedded images on the page, but the notebook has {ExpectedImages} image outputs");
            foreach (var image in Images.Where(i => !i.IsDrawn))
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Page}: image {image.Index + 1} is not drawn (loaded {image.Loaded}, {image.NaturalWidth}x{image.NaturalHeight} px, shown {image.ShownWidth:0}x{image.ShownHeight:0}, ink {image.InkFraction:P2})"));
            if (BlankChartPlaceholders > 0)
                problems.Add($"{Page}: {BlankChartPlaceholders} interactive chart container(s) shown blank (the export chose text/html over the image)");
            return problems;
        }
    }
}

/// <summary>
/// Checks an HTML export of executed notebooks offline: each page is loaded by headless chromium (network closed)
/// with a probe script appended, which measures every embedded image as laid out and drawn on a canvas.
/// </summary>
public static partial class HtmlExportCheck
{
    /// <summary>Image outputs of a notebook: outputs whose data has <c>image/png</c> or <c>image/svg+xml</c>.</summary>
    public static int CountImageOutputs(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return (notebook["cells"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .SelectMany(c => (c["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            .Count(o => o["data"]?["image/png"] is not null || o["data"]?["image/svg+xml"] is not null);
    }

    /// <summary>Loads <paramref name="htmlPath"/> in headless chromium and reports what its images show.</summary>
    public static async Task<HtmlPageCheck> CheckPageAsync(string chromiumPath, string htmlPath, int expectedImages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(htmlPath);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedImages);
        var html = await File.ReadAllTextAsync(htmlPath, cancellationToken);
        var body = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (body < 0) throw new FormatException($"{Path.GetFileName(htmlPath)} has no </body>.");
        var folder = Directory.CreateTempSubdirectory("weightinit-htmlcheck-");
        try
        {
            // A copy beside nothing: the export must be self-contained to pass.
            var probe = Path.Combine(folder.FullName, Path.GetFileName(htmlPath));
            await File.WriteAllTextAsync(probe, html[..body] + ProbeScript + html[body..], Encoding.UTF8, cancellationToken);
            var dom = await HeadlessChromium.DumpDomAsync(chromiumPath, probe, TimeSpan.FromSeconds(120), cancellationToken);
            var match = ProbeResult().Match(dom);
            if (!match.Success)
                throw new InvalidOperationException($"{Path.GetFileName(htmlPath)}: the probe script did not report (page did not finish loading).");
            var result = JsonNode.Parse(WebUtility.HtmlDecode(match.Groups["json"].Value))!.AsObject();
            var images = result["images"]!.AsArray().Select((n, i) => new ExportedImage(
                i, (bool)n!["loaded"]!, (int)n["naturalWidth"]!, (int)n["naturalHeight"]!,
                (double)n["shownWidth"]!, (double)n["shownHeight"]!, (double)n["ink"]!)).ToList();
            return new HtmlPageCheck(Path.GetFileName(htmlPath), expectedImages, images, (int)result["blankPlaceholders"]!);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private const string ProbeScript = """
        <script>
        window.addEventListener('load', function () {
          const images = [];
          for (const img of document.querySelectorAll('img')) {
            if (!/^data:image\/(png|svg\+xml)/.test(img.getAttribute('src') || '')) continue;
            const rect = img.getBoundingClientRect();
            const loaded = img.complete && img.naturalWidth > 0;
            let ink = 0;
            if (loaded) {
              const canvas = document.createElement('canvas');
              canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
              const ctx = canvas.getContext('2d');
              ctx.drawImage(img, 0, 0);
              const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
              let differ = 0;
              for (let i = 0; i < px.length; i += 4)
                if (Math.abs(px[i] - px[0]) > 16 || Math.abs(px[i + 1] - px[1]) > 16 || Math.abs(px[i + 2] - px[2]) > 16 || Math.abs(px[i + 3] - px[3]) > 16) differ++;
              ink = differ / (px.length / 4);
            }
            images.push({ loaded: loaded, naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
                          shownWidth: rect.width, shownHeight: rect.height, ink: ink });
          }
          // Plotly.NET's interactive container: a div whose only content is this comment until plotly.js draws.
          let blank = 0;
          for (const div of document.querySelectorAll('div[id]')) {
            const only = div.childNodes.length === 1 && div.firstChild.nodeType === Node.COMMENT_NODE;
            if (only && /Plotly chart will be drawn/.test(div.firstChild.textContent)) blank++;
          }
          const pre = document.createElement('pre');
          pre.id = 'weightinit-html-check';
          pre.textContent = JSON.stringify({ images: images, blankPlaceholders: blank });
          document.body.appendChild(pre);
        });
        </script>
        """;

    [GeneratedRegex("""<pre id="weightinit-html-check">(?<json>[^<]*)</pre>""")]
    private static partial Regex ProbeResult();
}
