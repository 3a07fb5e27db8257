using WeightInit.Notebooks.Apps;
using WeightInit.Notebooks.StaticCharts;

const string Usage = """
    The notebooks' file-based apps (notebooks/apps/NN-name.cs), generated from the notebooks.

    Usage: dotnet run --project tools/WeightInit.Notebooks.Apps -c Release -- COMMAND [options]
      generate            write notebooks/apps/NN-name.cs for every notebook of notebooks/notebooks.json
      generate --check    write nothing; fail if a committed app is not what the generator makes (or is left over)
      check [--only PREFIX[,PREFIX]] [--jobs N] [--timeout SECONDS]
                          generate --check, then build every app (N at once, default 2) and run it: its console text must
                          equal its notebook's saved text cell by cell, and its charts the notebook's charts
      -h, --help          print this text and exit
    Exit code: 0 done; 1 an app is stale or a notebook cannot be translated (the message names the cell); 2 bad arguments.
    """;

if (args is [] or ["-h" or "--help", ..]) { Console.WriteLine(Usage); return args.Length == 0 ? 2 : 0; }
var root = NotebookManifest.FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? NotebookManifest.FindRepositoryRoot(AppContext.BaseDirectory);
if (root is null) { Console.Error.WriteLine("error: cannot find the repository root (the folder with WeightInitNotebooks.sln)"); return 2; }
try
{
    switch (args)
    {
        case ["generate"]:
        case ["generate", "--check"]:
            return AppFiles.Generate(root, check: args.Length == 2, Console.Out, Console.Error);
        case ["check", ..]:
            return await AppCheck.RunAsync(ParseCheck(root, args[1..]), Console.Out, Console.Error);
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (Exception e) when (e is AppGenerationException or InvalidNotebookException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

static AppCheckOptions ParseCheck(string root, string[] args)
{
    var only = new List<string>();
    var jobs = 2;
    var timeout = TimeSpan.FromSeconds(600);
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--only": only.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
            case "--jobs":
                var text = Value();
                if (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out jobs) || jobs < 1)
                    throw new ArgumentException($"--jobs must be a positive whole number, got '{text}'");
                break;
            case "--timeout":
                var seconds = Value();
                if (!double.TryParse(seconds, System.Globalization.CultureInfo.InvariantCulture, out var s) || !(s > 0))
                    throw new ArgumentException($"--timeout must be a positive number of seconds, got '{seconds}'");
                timeout = TimeSpan.FromSeconds(s);
                break;
            default: throw new ArgumentException($"unknown argument '{args[i]}'");
        }
    }
    return new AppCheckOptions(root, only, jobs, timeout);
}
