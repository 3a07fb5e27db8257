using System.Text.Json.Nodes;

namespace WeightInit.Notebooks.Apps;

/// <summary>
/// Turns a notebook into its file-based app (<see cref="CellTranslator"/> per code cell, <see cref="AppAssembler"/> for
/// the file), then compiles the app in memory (<see cref="AppCompiler"/>) and settles what only the compiler can tell:
/// a
/// cell's last expression without a value is ended with a semicolon rather than shown, and a nested local that clashes
/// with another cell's top-level name is renamed in its cell. Anything else the compiler reports is an error naming the
/// cell: the generator never writes an app that does not build.
/// </summary>
public static class AppGenerator
{
    /// <summary>The first code cell of every notebook with code.</summary>
    public const string SetupCell = "#!import setup.dib";

    private const int MaximumRounds = 20;

    /// <summary>The app's file name for a notebook file name: 01-x.ipynb gives 01-x.cs.</summary>
    public static string AppFileName(string notebookFileName) => Path.GetFileNameWithoutExtension(notebookFileName)
        + ".cs";

    /// <summary>Generates the app of the notebook at <paramref name="notebookPath"/>.</summary>
    /// <returns>The app's source.</returns>
    /// <exception cref="AppGenerationException">The notebook does something the generator cannot translate; every
    /// problem names its cell.</exception>
    /// <exception cref="InvalidNotebookException">The file is not a valid notebook.</exception>
    public static string Generate(string notebookPath, AppSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var notebook = NotebookFile.Load(notebookPath);
        var name = Path.GetFileNameWithoutExtension(notebookPath);
        var cells = new List<(string? Markdown, CodeCell? Code)>();
        var number = 0;
        foreach (var cell in notebook.Cells.OfType<JsonObject>().Select((c, i) => (Json: c, Index: i)))
        {
            var source = NotebookFile.JoinText(cell.Json["source"]);
            if ((string?)cell.Json["cell_type"] == "code") cells.Add((null,
                new CodeCell(++number, cell.Index, source)));
            else cells.Add((source, null));
        }
        try
        {
            return Generate(name, cells, setup);
        }
        catch (AppGenerationException e)
        {
            throw new AppGenerationException(e.Problems.Select(p => $"{name}.ipynb: {p}").ToList());
        }
    }

    /// <summary>Generates the app of notebook <paramref name="name"/> from its cells (markdown text, or a code
    /// cell).</summary>
    internal static string Generate(string name, IReadOnlyList<(string? Markdown, CodeCell? Code)> cells,
        AppSetup setup)
    {
        var codeCells = cells.Select(c => c.Code).OfType<CodeCell>().ToList();
        if (codeCells.Count > 0 && codeCells[0].Source.Trim() != SetupCell)
            throw new AppGenerationException($"{codeCells[0].Name}: the first code cell must be exactly {SetupCell} " +
                "(the apps put their setup in its place)");
        var sources = codeCells.ToDictionary(c => c.Number, c => c.Source);
        var renames = codeCells.ToDictionary(c => c.Number, _ => new List<(string From, string To)>());
        var statementCells = new HashSet<int>();
        for (var round = 0; round < MaximumRounds; round++)
        {
            var problems = new List<string>();
            var translated = cells.Select(c => c.Code is null
                ? (c.Markdown, (CellTranslation?)null)
                : (null, c.Code.Number == 1 ? null
                    : CellTranslator.Translate(c.Code with { Source = sources[c.Code.Number] },
                        statementCells.Contains(c.Code.Number), problems)))
                .ToList();
            if (problems.Count > 0) throw new AppGenerationException(problems);
            var app = AppAssembler.Assemble(name, translated, setup,
                renames.ToDictionary(r => r.Key, r => (IReadOnlyList<(string, string)>)r.Value));
            var findings = AppCompiler.Check(app, setup);
            var newStatements = findings.StatementCells.Where(statementCells.Add).Count();
            foreach (var cell in findings.Renames.GroupBy(r => r.Cell))
            {
                sources[cell.Key] = Apply(sources[cell.Key], cell.ToList());
                renames[cell.Key].AddRange(cell.Select(r => (r.From, r.To)));
            }
            if (findings.Renames.Count > 0 || newStatements > 0) continue;
            if (findings.Problems.Count > 0) throw new AppGenerationException(findings.Problems);
            return app.Text;
        }
        throw new AppGenerationException($"{name}: the generated app did not settle in {MaximumRounds} rounds of " +
            "renaming");
    }

    // Every rename of one cell at once, from the last position back, so that no change moves a position still to
    // change.
    private static string Apply(string source, IReadOnlyList<Rename> renames)
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var (position, from, to) in renames.SelectMany(r =>
            r.Positions.Select(p => (p, r.From, r.To))).OrderByDescending(p => p.p))
            text = string.Concat(text.AsSpan(0, position), to, text.AsSpan(position + from.Length));
        return text;
    }
}
