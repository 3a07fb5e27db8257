using WeightInit.Notebooks.Apps;

namespace WeightInit.Notebooks;

/// <summary>The command line: a verb and its options, <c>--help</c> on the tool and on each verb, the exit
/// codes.</summary>
public static class Tool
{
    /// <summary>Everything the verb was asked to do was done, or checked and found as it should be.</summary>
    public const int Success = 0;

    /// <summary>A notebook, cell, claim, output, app, page or tool failed; the error output says which and
    /// why.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, or a notebook list or notebook file that cannot be read.</summary>
    public const int BadInput = 2;

    private const string ExitCodes = """
        Exit codes: 0 done (or checked, and as it should be); 1 a notebook, cell, claim, output, app or page failed, or
        a tool is missing (the message says which and how to install it); 2 bad arguments, or a notebook list or
        notebook that cannot be read.
        """;

    private const string Selection = """
          --only PREFIX[,PREFIX]  only the notebooks whose file name starts with a PREFIX (e.g. --only 03,10)
          --jobs N                how many notebooks run at once (default 2)
          --timeout SECONDS       the longest one notebook may run (default 900)
        """;

    /// <summary>The verbs, in the order the usage lists them.</summary>
    public static readonly IReadOnlyList<Verb> Verbs =
    [
        new("run", "execute every notebook with Jupyter and write it back with its outputs; regenerate the apps", $"""
            Usage: run [--only PREFIX[,PREFIX]] [--jobs N] [--timeout SECONDS]
            Executes the notebooks of notebooks/notebooks.json with Jupyter on the .net-csharp kernel, as readers run
            them, and writes each back with its fresh outputs: sanitized (no machine paths, no kernel noise), every
            chart with a static PNG (chromium and the pinned plotly.js) and a chart id derived from the chart. A
            notebook with a failing cell is not written. Then regenerates the file-based apps (notebooks/apps).
            {Selection}
            """, new HashSet<string> { "--only", "--jobs", "--timeout" }),
        new("check", "execute every notebook once with Jupyter and check it: outputs as saved, claims, book site",
            $"""
            Usage: check [--only PREFIX[,PREFIX]] [--jobs N] [--timeout SECONDS] [--out DIR]
            Checks that each notebook's metadata names the registered .net-csharp kernel, then executes each notebook
            once with Jupyter into DIR/executed (the committed notebooks are never written) and checks that execution:
            no cell fails; every text output equals the saved one (timing lines, marked with ⏱, without their
            numbers); every chart is the saved figure (each number within 1e-9 of the largest magnitude of its series,
            everything else equal); a notebook with code prints at least 3 claim checks (lines starting with ✓). Then
            (when every notebook was checked) builds the book site from those executions into DIR/site (as the verb
            site does) and checks it in headless chromium, offline.
            {Selection}  --out DIR               where the executions and the HTML go (default artifacts/notebooks)
            """, new HashSet<string> { "--only", "--jobs", "--timeout", "--out" }),
        new("site", "build the book site from the notebooks (DocFX) and check it in headless chromium", """
            Usage: site [--check] [--out DIR]
            Writes each notebook of notebooks/notebooks.json (as committed, with its saved outputs) as a DocFX article
            (live charts drawn by the pinned plotly.js, exercises' solutions folded, no kernel noise), with the
            reading order as navigation, the front page and the library's API reference, and builds the site with the
            pinned DocFX into DIR/site/_site (open its index.html through a web server, e.g. python3 -m http.server,
            for the search to work).
              --check                 also load every page in headless chromium (playwright-core), offline: no
                                      console error, every live chart drawn, every slider moves its chart, every
                                      formula typeset, every internal link resolves, the search box finds "LSUV"
              --out DIR               where the site goes (default artifacts/notebooks)
            """, new HashSet<string> { "--check", "--out" }),
        new("apps", "generate the notebooks' file-based apps (notebooks/apps/NN-name.cs)", """
            Usage: apps [--check]
            Writes notebooks/apps/NN-name.cs for every notebook of notebooks/notebooks.json (and removes an app without
            a notebook). A cell the generator cannot translate without changing what it does is an error naming the
            notebook, the cell and what to change.
              --check                 write nothing; fail if a committed app is not what the generator makes
            """, new HashSet<string> { "--check" }),
        new("check-apps", "build and run every app and compare it with its notebook's saved outputs", $"""
            Usage: check-apps [--only PREFIX[,PREFIX]] [--jobs N] [--timeout SECONDS]
            Checks that the committed apps are what the generator makes, then builds every app (N at once) and runs
            it (one at a time, each as soon as it is built) from the repository's root: its console text must equal
            its notebook's saved text outputs cell by cell (timing lines without their numbers), each chart it writes
            must be the notebook's chart (as in check) in an HTML page that loads plotly.js from a local file, and
            its last line must name its output folder.
            {Selection.Replace("notebooks run", "apps build", StringComparison.Ordinal)}
            """, new HashSet<string> { "--only", "--jobs", "--timeout" }),
    ];

    /// <summary>The tool's usage: its verbs and exit codes.</summary>
    public static string Usage =>
        "The notebooks' tool: executes, checks and exports the notebooks, and generates and checks their apps.\n\n" +
        "Usage: dotnet run --project tools/WeightInit.Notebooks -c Release -- VERB [options]\n" +
        "       ... VERB --help   (a verb's options)\nVerbs:\n" +
        string.Concat(Verbs.Select(v => $"  {v.Name,-12}{v.Summary}\n")) + ExitCodes;

    /// <summary>Runs the tool with <paramref name="args"/>; returns its exit code.</summary>
    /// <param name="args">The verb and its options.</param>
    /// <param name="output">Where progress and results go.</param>
    /// <param name="error">Where failures go.</param>
    /// <param name="repositoryRoot">The repository; by default the one holding the current directory, else the one
    /// holding the tool.</param>
    /// <param name="cancellationToken">Cancels the verb.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error,
        string? repositoryRoot = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is [] or ["-h" or "--help" or "help"])
        {
            (args.Count == 0 ? error : output).WriteLine(Usage);
            return args.Count == 0 ? BadInput : Success;
        }
        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            error.WriteLine($"unknown verb '{args[0]}'{Environment.NewLine}{Usage}");
            return BadInput;
        }
        if (args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            output.WriteLine(verb.Help + Environment.NewLine + ExitCodes);
            return Success;
        }
        ToolOptions options;
        string root;
        try
        {
            options = CommandLine.Parse(verb, args.Skip(1).ToList());
            root = repositoryRoot
                ?? NotebookManifest.FindRepositoryRoot(Directory.GetCurrentDirectory())
                ?? NotebookManifest.FindRepositoryRoot(AppContext.BaseDirectory)
                ?? throw new ArgumentException(
                    $"cannot find the repository's root (the folder with {NotebookManifest.SolutionFile}): run from " +
                    "it");
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {e.Message}{Environment.NewLine}{verb.Help}");
            return BadInput;
        }
        try
        {
            return verb.Name switch
            {
                "run" => await NotebookRun.RunAsync(root, options, output, error, cancellationToken),
                "check" => await NotebookCheck.RunAsync(root, options, output, error, cancellationToken),
                "apps" => AppFiles.Generate(root, options.CheckOnly, output, error),
                "site" => await Site.SiteVerb.RunAsync(root, options, output, error, cancellationToken),
                _ => await AppCheck.RunAsync(root, options, output, error, cancellationToken),
            };
        }
        catch (InvalidNotebookException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is AppGenerationException or BrowserToolsMissingException)
        {
            error.WriteLine($"error: {e.Message}");
            return Failed;
        }
    }
}
