using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Site;

/// <summary>
/// The book site: the notebooks as pages with navigation, search, typeset formulas, live charts and the library's API
/// reference, built by DocFX (the .NET documentation generator, a pinned local tool: <c>.config/dotnet-tools.json</c>)
/// from the sources <see cref="SiteSources"/> writes, and checked in headless chromium through Playwright
/// (<c>tools/chart-renderer/site-check.mjs</c>) as a reader's browser sees it.
/// </summary>
public static class BookSite
{
    /// <summary>The term the check types into the search box; a page must come up.</summary>
    public const string SearchTerm = "LSUV";

    /// <summary>Writes the sources from the notebooks in <paramref name="notebooksFolder"/> and builds the site into
    /// <paramref name="folder"/>/_site; returns each notebook's page and how many live charts it holds.</summary>
    /// <exception cref="InvalidOperationException">DocFX failed; the message holds the end of its output.</exception>
    public static async Task<IReadOnlyList<(string Page, int Charts)>> BuildAsync(string root, string notebooksFolder,
        string folder, string plotlyJsPath, CancellationToken cancellationToken)
    {
        var sources = Path.Combine(folder, "src");
        var articles = SiteSources.Write(root, notebooksFolder, sources, plotlyJsPath);
        var docfx = await ChildProcess.RunAsync("dotnet", ["docfx", Path.Combine(sources, "docfx.json"),
            "--output", Path.Combine(folder, "_site"), "--warningsAsErrors"], root, TimeSpan.FromMinutes(10),
            cancellationToken: cancellationToken);
        if (docfx.ExitCode != 0)
            throw new InvalidOperationException($"DocFX failed (exit code {docfx.ExitCode}):\n{docfx.Tail(40)}");
        return articles.Select(a => (Path.ChangeExtension(a.Article, ".html"), a.Charts)).ToList();
    }

    /// <summary>
    /// Checks the built site in headless chromium: every notebook page, the front page and the API's front page load
    /// with no console error or failed request; every live chart draws; a click on a slider changes what its chart
    /// draws; every formula is typeset; every internal link resolves; the search box finds <see cref="SearchTerm"/>.
    /// Returns the problems (none when the site is as it should be).
    /// </summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(string root, string site,
        IReadOnlyList<(string Page, int Charts)> pages, BrowserTools tools, TextWriter output,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var server = new StaticServer(site);
        List<(string Page, int Charts)> all = [.. pages, ("index.html", 0), ("api/index.html", 0)];
        var input = new JsonObject
        {
            ["base"] = server.BaseUrl,
            ["chromium"] = tools.ChromiumPath,
            ["search"] = SearchTerm,
            ["pages"] = new JsonArray(
                [.. all.Select(p => new JsonObject { ["path"] = p.Page, ["charts"] = p.Charts })]),
        };
        var inputFile = Path.Combine(Path.GetDirectoryName(site)!, "site-check-input.json");
        await File.WriteAllTextAsync(inputFile, input.ToJsonString(), cancellationToken);
        var script = Path.Combine(root, BrowserTools.ToolsFolder, "site-check.mjs");
        var run = await ChildProcess.RunAsync("node", [script, inputFile], Path.Combine(root, BrowserTools.ToolsFolder),
            TimeSpan.FromMinutes(10), cancellationToken: cancellationToken);
        if (run.ExitCode != 0) return [$"site check: the browser script failed:\n{run.Tail(30)}"];
        var report = JsonNode.Parse(run.Stdout)!.AsObject();
        var problems = new List<string>();
        var (charts, sliders, formulas) = (0, 0, 0);
        foreach (var page in report["pages"]!.AsArray().Select(p => p!.AsObject()))
        {
            string path = (string)page["path"]!;
            var pageProblems = page["errors"]!.AsArray().Select(e => $"{path}: {(string?)e}").ToList();
            int expected = (int)page["charts"]!, drawn = (int)page["chartsDrawn"]!;
            int slidersHere = (int)page["sliders"]!, moved = (int)page["slidersMoved"]!;
            int math = (int)page["math"]!, typeset = (int)page["mathTypeset"]!;
            if (drawn != expected) pageProblems.Add($"{path}: {drawn} of {expected} live chart(s) drawn");
            if (moved != slidersHere)
                pageProblems.Add($"{path}: {slidersHere - moved} of {slidersHere} slider(s) did not change the chart");
            if (typeset != math) pageProblems.Add($"{path}: {typeset} of {math} formula(s) typeset");
            (charts, sliders, formulas) = (charts + drawn, sliders + moved, formulas + typeset);
            problems.AddRange(pageProblems);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(pageProblems.Count == 0 ? "ok  " : "FAIL")} {path,-52} {drawn} chart(s), " +
                $"{moved} slider(s) moved, " +
                $"{typeset} formula(s) typeset"));
        }
        var links = report["links"]!.AsObject();
        problems.AddRange(links["broken"]!.AsArray().Select(b => $"broken internal link: {(string?)b}"));
        var search = report["search"]!.AsObject();
        if ((int)search["results"]! == 0) problems.Add($"the search box finds nothing for '{SearchTerm}'");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"site: {all.Count} page(s), {charts} live chart(s) drawn, {sliders} slider(s) moved, {formulas} " +
            $"formula(s) typeset, {(int)links["checked"]!} internal link(s) resolved, search '{SearchTerm}' found " +
            $"{(int)search["results"]!} page(s), in {clock.Elapsed.TotalSeconds:0} s"));
        return problems;
    }

    /// <summary>Serves a folder over HTTP on a free loopback port (the site's search loads its index by fetch, which a
    /// file:// page cannot).</summary>
    private sealed class StaticServer : IDisposable
    {
        private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
        {
            [".html"] = "text/html; charset=utf-8", [".js"] = "text/javascript", [".mjs"] = "text/javascript",
            [".css"] = "text/css", [".json"] = "application/json", [".svg"] = "image/svg+xml", [".png"] = "image/png",
            [".ico"] = "image/x-icon", [".woff"] = "font/woff", [".woff2"] = "font/woff2",
            [".map"] = "application/json",
            [".yml"] = "text/plain", [".txt"] = "text/plain",
        };

        private readonly HttpListener _listener = new();
        private readonly string _folder;
        private readonly Task _loop;

        public StaticServer(string folder)
        {
            _folder = Path.GetFullPath(folder);
            int port = FreePort();
            BaseUrl = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(BaseUrl);
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string BaseUrl { get; }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
                if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
                var path = Path.GetFullPath(Path.Combine(_folder, relative));
                using var response = context.Response;
                if (!path.StartsWith(_folder, StringComparison.Ordinal) || !File.Exists(path))
                {
                    response.StatusCode = 404;
                    continue;
                }
                response.ContentType = Types.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
                var bytes = await File.ReadAllBytesAsync(path);
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes);
            }
        }

        private static int FreePort()
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
