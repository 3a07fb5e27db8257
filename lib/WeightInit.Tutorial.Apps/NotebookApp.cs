using System.Diagnostics;
using Plotly.NET;

namespace WeightInit.Tutorial.Apps;

/// <summary>
/// What a notebook's file-based app calls where the notebook's kernel would act (the apps in notebooks/apps are
/// generated from the notebooks by tools/WeightInit.Notebooks): <see cref="Start"/> in place of the setup cell,
/// <see cref="Cell"/> where each code cell begins, <see cref="Show"/> for a cell's last expression when it is a chart,
/// and <see cref="Finish"/> after the last cell. Text goes to the console as the notebook prints it; each chart
/// becomes an HTML page that loads the pinned plotly.js offline, in the output folder that the app names on its last
/// line. A failing cell or claim ends the app with exit code 1.
/// </summary>
public static class NotebookApp
{
    /// <summary>The exit code of an app whose cell failed or whose claim does not hold.</summary>
    public const int FailedExitCode = 1;

    /// <summary>The exit code of an app started where or how it cannot run.</summary>
    public const int SetupExitCode = 2;

    private static AppRun? s_run;

    /// <summary>
    /// Starts the app of <paramref name="notebook"/>: checks that it runs as the file-based app in notebooks/apps of
    /// the
    /// repository, works in the notebooks folder (as the notebook's kernel does), prepares the output folder, and turns
    /// an unhandled error into a message naming the cell and exit code 1.
    /// </summary>
    /// <param name="notebook">The notebook's name without extension, e.g. <c>01-why-initialization-matters</c>.</param>
    public static void Start(string notebook)
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) => Fail(e.ExceptionObject as Exception, notebook);
        var location = AppLocation.Find(notebook, AppContext.GetData("EntryPointFilePath") as string);
        Environment.CurrentDirectory = location.NotebooksFolder;
        var run = new AppRun(location, Console.Out, Console.Error, CellMarkers.Requested);
        if (!File.Exists(location.PlotlyJsFile))
            Console.Error.WriteLine($"note: {AppLocation.PlotlyJs} is not installed (scripts/setup.sh or npm ci in " +
                "tools/chart-renderer installs it), so each chart page carries the Plotly.NET package's plotly.js");
        if (typeof(WeightInit.Initializers.Init).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
                .OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled))
            Console.Error.WriteLine("note: the library was built without optimizations (Debug), which runs several " +
                $"times slower: {AppLocation.RunCommand(notebook)}");
        s_run = run;
    }

    /// <summary>Marks the beginning of code cell <paramref name="number"/> (1 for the notebook's first code
    /// cell).</summary>
    /// <param name="number">The code cell's number, counting code cells only.</param>
    /// <exception cref="InvalidOperationException"><see cref="Start"/> was not called.</exception>
    public static void Cell(int number) => Run.EnterCell(number);

    /// <summary>Shows a chart, the last expression of the current cell, as the notebook does: written to the output
    /// folder.</summary>
    /// <param name="chart">The chart.</param>
    /// <exception cref="InvalidOperationException"><see cref="Start"/> was not called.</exception>
    public static void Show(GenericChart chart) => Run.Show(chart);

    /// <summary>Ends the app: prints the last line, which names the output folder.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Start"/> was not called.</exception>
    public static void Finish() => Run.Finish();

    private static AppRun Run =>
        s_run ?? throw new InvalidOperationException("NotebookApp.Start(notebook) must come first.");

    private static void Fail(Exception? exception, string notebook)
    {
        Console.Out.Flush();
        var message = exception switch
        {
            AppSetupException setup => setup.Message,
            null => $"{notebook}.cs failed.",
            _ when s_run is { } run => run.DescribeFailure(exception),
            _ => $"{notebook}.cs failed: {exception}",
        };
        Console.Error.WriteLine(message);
        Console.Error.Flush();
        Environment.Exit(exception is AppSetupException ? SetupExitCode : FailedExitCode);
    }
}
