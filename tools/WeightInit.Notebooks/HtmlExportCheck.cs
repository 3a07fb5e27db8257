using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeightInit.Notebooks;

/// <summary>What the browser saw of one image in an HTML export.</summary>
/// <param name="Index">The image's position among the page's embedded (data URL) images.</param>
/// <param name="Loaded">The image decoded (<c>complete</c> with a natural width).</param>
/// <param name="NaturalWidth">Its width in pixels.</param>
/// <param name="NaturalHeight">Its height in pixels.</param>
/// <param name="ShownWidth">Its laid-out width on the page (CSS pixels).</param>
/// <param name="ShownHeight">Its laid-out height on the page.</param>
/// <param name="InkFraction">The fraction of its pixels that differ from its top-left pixel: 0 for a blank
/// image.</param>
public sealed record ExportedImage(int Index, bool Loaded, int NaturalWidth, int NaturalHeight, double ShownWidth,
    double ShownHeight, double InkFraction)
{
    /// <summary>The smallest laid-out width and height, in CSS pixels, that counts as a drawn chart.</summary>
    public const double MinimumShownSize = 100;

    /// <summary>The smallest ink fraction that counts as a drawn chart (axes, labels and traces cover far
    /// more).</summary>
    public const double MinimumInk = 0.005;

    /// <summary>True when the image loaded, is laid out at a readable size and is not blank.</summary>
    public bool IsDrawn => Loaded && NaturalWidth > 0 && ShownWidth >= MinimumShownSize
        && ShownHeight >= MinimumShownSize && InkFraction >= MinimumInk;
}

/// <summary>What the browser saw of a page's mathematics once MathJax (if the page loaded it) had typeset it.</summary>
/// <param name="MathJaxLoaded">Whether MathJax loaded (offline: only from a local copy).</param>
/// <param name="Typeset">How many formulas MathJax rendered (elements MathJax-Element-N-Frame).</param>
/// <param name="Errors">How many formulas MathJax could not parse (its error elements).</param>
/// <param name="RawTex">Text of the page's prose that still holds TeX between $ signs (up to a few samples).</param>
public sealed record PageMath(bool MathJaxLoaded, int Typeset, int Errors, IReadOnlyList<string> RawTex);

/// <summary>The result of checking one exported HTML page.</summary>
/// <param name="Page">The page's file name.</param>
/// <param name="ExpectedImages">How many image outputs its notebook has.</param>
/// <param name="Images">What the browser saw of each embedded image.</param>
/// <param name="BlankChartPlaceholders">Interactive chart containers laid out with nothing drawn in them.</param>
/// <param name="ExpectMath">Whether its notebook's markdown has formulas ($...$), which the page must show
/// typeset.</param>
/// <param name="Math">What the browser saw of the page's mathematics.</param>
/// <param name="MachinePaths">Machine paths in the page's text (the home or temporary folder, the NuGet cache), up to
/// a few.</param>
public sealed record HtmlPageCheck(string Page, int ExpectedImages, IReadOnlyList<ExportedImage> Images,
    int BlankChartPlaceholders, bool ExpectMath, PageMath Math, IReadOnlyList<string> MachinePaths)
{
    /// <summary>The problems found; empty when every chart is drawn.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            if (Images.Count != ExpectedImages)
                problems.Add($"{Page}: {Images.Count} embedded images on the page, but the notebook has " +
                    $"{ExpectedImages} image outputs");
            foreach (var image in Images.Where(i => !i.IsDrawn))
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Page}: image {image.Index + 1} is not drawn (loaded {image.Loaded}, " +
                    $"{image.NaturalWidth}x{image.NaturalHeight} px, " +
                    $"shown {image.ShownWidth:0}x{image.ShownHeight:0}, " +
                    $"ink {image.InkFraction:P2})"));
            if (BlankChartPlaceholders > 0)
                problems.Add($"{Page}: {BlankChartPlaceholders} interactive chart container(s) shown blank " +
                    "(the export chose text/html over the image)");
            if (ExpectMath && !Math.MathJaxLoaded)
                problems.Add($"{Page}: MathJax did not load (offline, the page must load the local copy that " +
                    "scripts/setup.sh installs)");
            else if (ExpectMath && Math.Typeset == 0)
                problems.Add($"{Page}: its notebook has formulas, but MathJax typeset none");
            if (Math.Errors > 0)
                problems.Add($"{Page}: MathJax could not typeset {Math.Errors} formula(s)");
            if (Math.RawTex.Count > 0)
                problems.Add($"{Page}: TeX left as text in its prose: {string.Join(" | ", Math.RawTex)}");
            if (MachinePaths.Count > 0)
                problems.Add($"{Page}: names machine paths: {string.Join(", ", MachinePaths)}");
            return problems;
        }
    }
}

/// <summary>
/// Checks an HTML export of executed notebooks offline: each page is loaded by headless chromium (network closed)
/// with a probe script appended, which measures every embedded image as laid out and draws it on a canvas to count
/// the pixels that differ from its corner (a blank image has none) and, once MathJax has typeset the page, counts the
/// rendered formulas, MathJax's errors and any TeX still left as text in the prose. The page's text (without its data
/// URLs) must name no machine path.
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

    /// <summary>Whether a notebook's markdown cells hold formulas (TeX between $ signs), which its page must typeset.
    /// </summary>
    public static bool HasMath(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(c => (string?)c["cell_type"] == "markdown")
            .Any(c => Tex().IsMatch(NotebookFile.JoinText(c["source"])));
    }

    /// <summary>Machine paths in an HTML page's text, data URLs left out (their base64 can spell anything).</summary>
    public static IReadOnlyList<string> FindMachinePaths(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = DataUrl().Replace(html, "data:");
        return MachinePath().Matches(text).Select(m => m.Value).Distinct().Take(5).ToList();
    }

    /// <summary>Loads <paramref name="htmlPath"/> in headless chromium and reports what its images and formulas
    /// show.</summary>
    /// <param name="chromiumPath">The chromium executable.</param>
    /// <param name="htmlPath">The page; it is loaded from a copy beside it, so that what it loads relatively (the
    /// export's local MathJax) resolves as it does for a reader.</param>
    /// <param name="expectedImages">How many image outputs its notebook has.</param>
    /// <param name="expectMath">Whether its notebook's markdown has formulas.</param>
    /// <param name="cancellationToken">Cancels the browser run.</param>
    public static async Task<HtmlPageCheck> CheckPageAsync(string chromiumPath, string htmlPath, int expectedImages,
        bool expectMath = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(htmlPath);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedImages);
        var html = await File.ReadAllTextAsync(htmlPath, cancellationToken);
        var body = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (body < 0) throw new FormatException($"{Path.GetFileName(htmlPath)} has no </body>.");
        // A copy beside the page, so that its relative references (the export folder's MathJax) resolve and nothing
        // else: the network is closed, so the export folder must hold everything the page needs.
        var probe = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(htmlPath))!,
            $".{Path.GetFileNameWithoutExtension(htmlPath)}.{Guid.NewGuid():N}.check.html");
        try
        {
            await File.WriteAllTextAsync(probe, html[..body] + ProbeScript + html[body..], Encoding.UTF8,
                cancellationToken);
            var dom = await HeadlessChromium.DumpDomAsync(chromiumPath, probe, TimeSpan.FromSeconds(120),
                cancellationToken);
            var match = ProbeResult().Match(dom);
            if (!match.Success)
                throw new InvalidOperationException(
                    $"{Path.GetFileName(htmlPath)}: the probe script did not report (page did not finish loading).");
            var result = JsonNode.Parse(WebUtility.HtmlDecode(match.Groups["json"].Value))!.AsObject();
            var images = result["images"]!.AsArray().Select((n, i) => new ExportedImage(
                i, (bool)n!["loaded"]!, (int)n["naturalWidth"]!, (int)n["naturalHeight"]!,
                (double)n["shownWidth"]!, (double)n["shownHeight"]!, (double)n["ink"]!)).ToList();
            var math = result["math"]!.AsObject();
            var pageMath = new PageMath((bool)math["loaded"]!, (int)math["typeset"]!, (int)math["errors"]!,
                math["raw"]!.AsArray().Select(r => (string)r!).ToList());
            return new HtmlPageCheck(Path.GetFileName(htmlPath), expectedImages, images,
                (int)result["blankPlaceholders"]!, expectMath, pageMath, FindMachinePaths(html));
        }
        finally
        {
            try { File.Delete(probe); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private const string ProbeScript = """
        <script>
        window.addEventListener('load', function () {
          // After MathJax (when the page loaded it) has typeset the page: nbconvert's configuration queues the
          // typesetting.
          if (window.MathJax && MathJax.Hub && MathJax.Hub.Queue) MathJax.Hub.Queue(weightinitReport);
          else weightinitReport();
        });
        function weightinitReport() {
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
                if (Math.abs(px[i] - px[0]) > 16 || Math.abs(px[i + 1] - px[1]) > 16
                    || Math.abs(px[i + 2] - px[2]) > 16 || Math.abs(px[i + 3] - px[3]) > 16) differ++;
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
          // Formulas: MathJax 2 renders each as an element MathJax-Element-N-Frame and reports TeX it cannot parse as
          // merror.
          const math = {
            loaded: !!(window.MathJax && MathJax.Hub),
            typeset: document.querySelectorAll('[id^="MathJax-Element-"][id$="-Frame"]').length,
            errors: document.querySelectorAll('.mjx-merror, .MathJax_Error, merror').length,
            raw: [],
          };
          // TeX that stayed text: $...$ in the prose (not in code, scripts or styles).
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement && node.parentElement.closest('script, style, pre, code, textarea')) continue;
            const found = node.textContent.match(/\$[^$\s][^$]*\$/g);
            if (found)
              for (const f of found) if (math.raw.length < 3) math.raw.push(f.length > 60 ? f.slice(0, 57) + '...' : f);
          }
          const pre = document.createElement('pre');
          pre.id = 'weightinit-html-check';
          pre.textContent = JSON.stringify({ images: images, blankPlaceholders: blank, math: math });
          document.body.appendChild(pre);
        }
        </script>
        """;

    [GeneratedRegex("""<pre id="weightinit-html-check">(?<json>[^<]*)</pre>""")]
    private static partial Regex ProbeResult();

    // Inline TeX as the notebooks write it: $...$ with no space after the opening sign.
    [GeneratedRegex(@"\$[^$\s][^$]*\$")]
    private static partial Regex Tex();

    [GeneratedRegex(@"data:[a-z]+/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+")]
    private static partial Regex DataUrl();

    [GeneratedRegex(@"(?<![\w.<])(/root/|/home/[^/\s""]+/|/tmp/|/var/tmp/|\.nuget/packages)")]
    private static partial Regex MachinePath();
}
