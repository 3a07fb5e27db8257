
namespace WeightInit.Notebooks.Apps;

/// <summary>The committed apps: one notebooks/apps/NN-name.cs per notebook of the manifest, written or
/// checked.</summary>
public static class AppFiles
{
    /// <summary>The command that regenerates the apps.</summary>
    public const string RegenerateCommand = "dotnet run --project tools/WeightInit.Notebooks -c Release -- apps";

    /// <summary>
    /// Generates every notebook's app and writes it (or, with <paramref name="check"/>, compares it with the committed
    /// file);
    /// an app without a notebook is removed (or, checking, reported).
    /// </summary>
    /// <returns>0 when done (or up to date); 1 when checking found a stale, missing or left-over app.</returns>
    /// <exception cref="AppGenerationException">A notebook cannot be translated; the message names every
    /// problem.</exception>
    public static int Generate(string repositoryRoot, bool check, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var manifest = NotebookManifest.Load(Path.Combine(repositoryRoot, "notebooks"));
        var setup = AppSetup.Load(repositoryRoot);
        var folder = Path.Combine(repositoryRoot, "notebooks", "apps");
        var problems = new List<string>();
        var stale = new List<string>();
        foreach (var name in manifest.Names)
        {
            string text;
            try
            {
                text = AppGenerator.Generate(manifest.PathOf(name), setup);
            }
            catch (AppGenerationException e)
            {
                problems.AddRange(e.Problems);
                continue;
            }
            var file = Path.Combine(folder, AppGenerator.AppFileName(name));
            var committed = File.Exists(file) ? File.ReadAllText(file) : null;
            if (committed == text) continue;
            if (check)
            {
                stale.Add(committed is null
                    ? $"notebooks/apps/{Path.GetFileName(file)} is missing"
                    : $"notebooks/apps/{Path.GetFileName(file)} is not what the generator makes from " +
                        $"notebooks/{name} ({FirstDifference(committed, text)})");
                continue;
            }
            Directory.CreateDirectory(folder);
            File.WriteAllText(file, text);
            output.WriteLine($"wrote notebooks/apps/{Path.GetFileName(file)}");
        }
        var expected = manifest.Names.Select(AppGenerator.AppFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var leftOver in Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs").Where(f => !expected.Contains(Path.GetFileName(f))) : [])
        {
            if (check) stale.Add($"notebooks/apps/{Path.GetFileName(leftOver)} is no notebook's app");
            else
            {
                File.Delete(leftOver);
                output.WriteLine($"removed notebooks/apps/{Path.GetFileName(leftOver)} (no notebook has that name)");
            }
        }
        if (problems.Count > 0) throw new AppGenerationException(problems);
        if (stale.Count == 0) return 0;
        foreach (var s in stale) error.WriteLine($"stale: {s}");
        error.WriteLine($"The apps are generated from the notebooks: run {RegenerateCommand} and commit " +
            "notebooks/apps.");
        return 1;
    }

    private static string FirstDifference(string committed, string generated)
    {
        var a = committed.Split('\n');
        var b = generated.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<end of file>";
            var y = i < b.Length ? b[i] : "<end of file>";
            if (x != y) return $"line {i + 1}: committed '{Cut(x)}', generated '{Cut(y)}'";
        }
        return "line endings differ";
    }

    private static string Cut(string line) => line.Length > 80 ? line[..77] + "..." : line;
}
