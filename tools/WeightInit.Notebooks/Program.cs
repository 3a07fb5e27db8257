using System.Globalization;
using WeightInit.Notebooks;
using WeightInit.Notebooks.StaticCharts;

// Runs the notebooks: see Usage below.
const string Usage = """
    Executes the notebooks listed in notebooks/notebooks.json, in order, each on a fresh .NET Interactive
    C# kernel, and writes each back with its fresh outputs.

    Usage: dotnet run --project tools/WeightInit.Notebooks -c Release -- [options]
      --only PREFIX[,PREFIX]  run only the notebooks whose file name starts with PREFIX (e.g. --only 01)
      --check                 execute without writing; fail if saved text outputs differ from a fresh run
      --notebooks DIR         the notebooks folder (default: notebooks/ of the repository)
      --timeout SECONDS       the longest one notebook may run (default 300)
      -h, --help              print this text and exit
    Exit code: 0 all notebooks ran; 1 a notebook failed or (with --check) is stale; 2 bad arguments or notebook list.
    """;

if (args.Length >= 1 && args[0] == ChildProcessExecutor.ExecuteOneSwitch)
{
    if (args.Length != 4 || args[2] != ChildProcessExecutor.ResultSwitch)
    {
        Console.Error.WriteLine($"usage: {ChildProcessExecutor.ExecuteOneSwitch} NOTEBOOK {ChildProcessExecutor.ResultSwitch} FILE");
        return 2;
    }
    return await ChildProcessExecutor.RunChildAsync(args[1], args[3]);
}

if (args.Contains("-h") || args.Contains("--help"))
{
    Console.WriteLine(Usage);
    return 0;
}

RunnerOptions options;
try
{
    options = ParseArguments(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

IReadOnlyList<IOutputProcessor> processors;
try
{
    processors = OutputProcessors.Default(options);
}
catch (WeightInit.Notebooks.StaticCharts.ChartToolsMissingException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
var runner = new NotebookRunner(options, processors);
IReadOnlyList<string> names;
try
{
    names = runner.SelectNotebooks();
}
catch (InvalidNotebookException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

var total = System.Diagnostics.Stopwatch.StartNew();
foreach (var name in names)
{
    NotebookRunResult result;
    try
    {
        result = await runner.RunAsync(name);
    }
    catch (Exception ex) when (ex is InvalidNotebookException or NotebookExecutionException)
    {
        Console.WriteLine($"FAIL {name}");
        Console.Error.WriteLine($"error: {ex.Message}");
        return ex is InvalidNotebookException ? 2 : 1;
    }
    var verb = options.Check ? "checked" : "written";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{(result.Succeeded ? "ok  " : "FAIL")} {name,-44} {result.Seconds,6:0.0} s (kernel {result.KernelSeconds:0.0} s){(result.Succeeded ? ", " + verb : "")}"));
    if (!result.Succeeded)
    {
        Console.Error.WriteLine($"error: {result.Failure}");
        return 1;
    }
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{names.Count} notebook(s) in {total.Elapsed.TotalSeconds:0.0} s"));
return 0;

static RunnerOptions ParseArguments(string[] args)
{
    var only = new List<string>();
    var check = false;
    string? folder = null;
    var timeout = TimeSpan.FromSeconds(300);
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--only": only.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
            case "--check": check = true; break;
            case "--notebooks": folder = Value(); break;
            case "--timeout":
                var text = Value();
                if (!double.TryParse(text, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0))
                    throw new ArgumentException($"--timeout must be a positive number of seconds, got '{text}'");
                timeout = TimeSpan.FromSeconds(seconds);
                break;
            default: throw new ArgumentException($"unknown argument '{args[i]}'");
        }
    }
    var root = NotebookManifest.FindRepositoryRoot(folder ?? Directory.GetCurrentDirectory())
        ?? NotebookManifest.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new ArgumentException("cannot find the repository root (the folder with WeightInitNotebooks.sln); pass --notebooks DIR");
    return new RunnerOptions(Path.GetFullPath(folder ?? Path.Combine(root, "notebooks")), root, only, check, timeout);
}
