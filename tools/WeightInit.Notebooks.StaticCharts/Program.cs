using System.Globalization;
using WeightInit.Notebooks.StaticCharts;

// Command line for scripts/jupyter-execute.sh (the notebook runner uses the library directly).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const string Usage = """
    Usage (from the repository):
      dotnet run --project tools/WeightInit.Notebooks.StaticCharts -c Release -- COMMAND ARGS
    Commands:
      --help                                print this text and exit
      sanitize NOTEBOOK.ipynb...            drop kernel noise and replace machine paths in the outputs (in place), as the
                                            notebook runner does for the saved notebooks
      add-images NOTEBOOK.ipynb...          add a static PNG to every Plotly chart output (in place)
      check-images NOTEBOOK.ipynb...        fail if a chart output has no static image
      check-kernelspec NOTEBOOK.ipynb...    fail unless Jupyter has each notebook's kernel (metadata.kernelspec) registered,
                                            with its language and display name, starting the local dotnet-interactive tool
      write-index HTML_DIR NOTEBOOK.ipynb...  write HTML_DIR/index.html linking NAME.html of each notebook
      check-html HTML_DIR NOTEBOOK.ipynb... load HTML_DIR/NAME.html of each notebook in headless chromium, offline, and
                                            fail unless every image output is drawn (and no chart is blank), every
                                            formula is typeset by MathJax (no TeX left as text), and no machine path shows
    """;

if (args is ["-h" or "--help", ..]) { Console.WriteLine(Usage); return 0; }
if (args.Length < 2) { Console.Error.WriteLine(Usage); return 2; }
try
{
    switch (args[0])
    {
        case "sanitize":
        {
            var root = ChartRenderingTools.FindRepositoryRoot(Directory.GetCurrentDirectory());
            var sanitizer = new OutputSanitizer(root, Path.Combine(root, "notebooks"));
            foreach (var path in args[1..])
            {
                var notebook = NotebookFile.Load(path);
                var dropped = sanitizer.SanitizeNotebook(notebook.Json);
                notebook.WriteAtomically();
                Console.WriteLine($"{Path.GetFileName(path)}: sanitized ({dropped} kernel output(s) dropped)");
            }
            return 0;
        }
        case "add-images":
        {
            var renderer = new ChromiumChartRenderer(ChartRenderingTools.Locate());
            foreach (var path in args[1..])
            {
                var notebook = NotebookFile.Load(path);
                var report = await NotebookChartImages.AddImagesAsync(notebook.Json, renderer);
                notebook.WriteAtomically();
                Console.WriteLine($"{Path.GetFileName(path)}: {report.Charts} chart image(s) in {report.Seconds:0.00} s (one browser start)");
            }
            return 0;
        }
        case "check-images":
        {
            var failures = 0;
            foreach (var path in args[1..])
            {
                var missing = NotebookChartImages.FindChartsWithoutImage(NotebookFile.Load(path).Json).Count;
                if (missing > 0) { failures++; Console.Error.WriteLine($"{Path.GetFileName(path)}: {missing} chart output(s) without a static image"); }
            }
            return failures == 0 ? 0 : 1;
        }
        case "check-kernelspec":
        {
            var start = new System.Diagnostics.ProcessStartInfo("jupyter") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "kernelspec", "list", "--json" }) start.ArgumentList.Add(a);
            using var jupyter = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("could not start jupyter");
            var errors = jupyter.StandardError.ReadToEndAsync();
            var listed = await jupyter.StandardOutput.ReadToEndAsync();
            await jupyter.WaitForExitAsync();
            if (jupyter.ExitCode != 0) throw new InvalidOperationException($"jupyter kernelspec list --json exited with {jupyter.ExitCode}: {await errors}");
            var problems = KernelSpecCheck.Problems(System.Text.Json.Nodes.JsonNode.Parse(listed)!.AsObject(),
                args[1..].Select(p => (Path.GetFileName(p), NotebookFile.Load(p).Json)));
            foreach (var p in problems) Console.Error.WriteLine("FAIL " + p);
            if (problems.Count == 0) Console.WriteLine($"kernelspec: {args.Length - 1} notebook(s) open on their registered kernel without edits");
            return problems.Count == 0 ? 0 : 1;
        }
        case "write-index":
        {
            var folder = args[1];
            var entries = args[2..].Select(p => (Path.GetFileNameWithoutExtension(p) + ".html", HtmlExportIndex.Title(NotebookFile.Load(p).Json, p)));
            File.WriteAllText(Path.Combine(folder, "index.html"), HtmlExportIndex.Build("Weight initialization in C#: the notebooks", entries));
            Console.WriteLine($"wrote {Path.Combine(folder, "index.html")}");
            return 0;
        }
        case "check-html":
        {
            var tools = ChartRenderingTools.Locate();
            var folder = args[1];
            var problems = new List<string>();
            var images = 0;
            var formulas = 0;
            var failedPages = 0;
            foreach (var path in args[2..])
            {
                var page = Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".html");
                if (!File.Exists(page)) { problems.Add($"{Path.GetFileName(page)}: missing"); failedPages++; continue; }
                var json = NotebookFile.Load(path).Json;
                var check = await HtmlExportCheck.CheckPageAsync(tools.ChromiumPath, page, HtmlExportCheck.CountImageOutputs(json), HtmlExportCheck.HasMath(json));
                images += check.Images.Count(i => i.IsDrawn);
                formulas += check.Math.Typeset;
                problems.AddRange(check.Problems);
                if (check.Problems.Count > 0) failedPages++;
                Console.WriteLine($"{check.Page}: {check.Images.Count(i => i.IsDrawn)} of {check.ExpectedImages} chart image(s) drawn, {check.Math.Typeset} formula(s) typeset");
            }
            if (!File.Exists(Path.Combine(folder, "index.html"))) { problems.Add("index.html: missing"); failedPages++; }
            foreach (var p in problems) Console.Error.WriteLine("FAIL " + p);
            Console.WriteLine($"HTML export: {images} chart images drawn, {formulas} formulas typeset; pages: {args.Length - 2 + 1 - failedPages} passed, {failedPages} failed");
            return problems.Count == 0 ? 0 : 1;
        }
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (Exception e) when (e is ChartToolsMissingException or FormatException or InvalidOperationException or TimeoutException or IOException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
