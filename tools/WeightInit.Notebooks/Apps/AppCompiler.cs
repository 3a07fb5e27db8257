using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WeightInit.Notebooks.Apps;

/// <summary>A name the app must change in one cell: the declaration and every use, at their positions in the cell's
/// source.</summary>
/// <param name="Cell">The code cell's number.</param>
/// <param name="From">The cell's name.</param>
/// <param name="To">The app's name.</param>
/// <param name="Positions">Where the name stands in the cell's source.</param>
internal sealed record Rename(int Cell, string From, string To, IReadOnlyList<int> Positions);

/// <summary>What compiling a generated app found.</summary>
/// <param name="Renames">Names to change: a nested local that a C# program may not declare beside a top-level one of
/// another
/// cell, or a top-level name that a later cell declares again (its later declaration and the uses that mean
/// it).</param>
/// <param name="StatementCells">Cells whose last expression has no value (a void call), to end with a semicolon instead
/// of showing it.</param>
/// <param name="Problems">Errors and warnings, each naming the cell.</param>
internal sealed record CompileFindings(IReadOnlyList<Rename> Renames, IReadOnlySet<int> StatementCells,
    IReadOnlyList<string> Problems);

/// <summary>
/// Compiles a generated app in memory as the .NET SDK builds it (C# latest, nullable enabled, the SDK's implicit usings
/// and
/// the apps' usings, warnings counted as errors) against the assemblies an app references, so that the generator can
/// name
/// the notebook cell of any problem instead of leaving a build error in a generated file to the reader.
/// </summary>
internal static class AppCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList());

    /// <summary>Compiles <paramref name="app"/> and reports what must change.</summary>
    public static CompileFindings Check(GeneratedApp app, AppSetup setup)
    {
        // The #: directives are the SDK's, not the compiler's: blank them, keeping every position.
        var text = string.Join('\n',
            app.Text.Split('\n').Select(l => l.StartsWith("#:", StringComparison.Ordinal) ? new string(' ', l.Length)
                : l));
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(text, options, path: app.Notebook + ".cs");
        var usings = CSharpSyntaxTree.ParseText(string.Concat(setup.GlobalUsings.Select(u =>
            $"global using global::{u};\n")), options, path: "GlobalUsings.g.cs");
        var compilation = CSharpCompilation.Create(app.Notebook, [usings, tree], References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication,
                nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();

        var statementCells = new HashSet<int>();
        var problems = new List<string>();
        var handled = new HashSet<Location>();
        foreach (var show in root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                     .Where(i => i.Expression.ToString() == CellTranslator.ShowCall
                         && i.ArgumentList.Arguments.Count == 1))
        {
            var region = app.RegionAt(show.SpanStart);
            if (region is null) continue;
            var argument = show.ArgumentList.Arguments[0].Expression;
            var type = model.GetTypeInfo(argument).Type;
            if (type is null || type.SpecialType == SpecialType.System_Void) statementCells.Add(region.Cell.Number);
            else if (!IsChart(type))
                problems.Add($"{region.Cell.Name}: its last expression is a {type.ToDisplayString()}, which the " +
                    "notebook displays as a value; an app shows only charts there: print it with Console.WriteLine " +
                    "(text output is what the apps compare) or end the line with a semicolon");
            else continue;
            handled.Add(show.GetLocation());
        }

        var renames = new List<Rename>();
        var taken = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t =>
            t.ValueText).ToHashSet(StringComparer.Ordinal);
        foreach (var diagnostic in compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            var position = diagnostic.Location.SourceSpan.Start;
            if (diagnostic.Location.SourceTree == tree && handled.Any(h => h.SourceSpan.Contains(position))) continue;
            var region = diagnostic.Location.SourceTree == tree ? app.RegionAt(position) : null;
            if (diagnostic.Id == "CS0136" && region is not null
                && RenameOf(diagnostic, region, app, model, root, taken) is { } rename)
            {
                renames.Add(rename);
                continue;
            }
            if (diagnostic.Id == "CS0128" && region is not null
                && RedeclarationRenames(diagnostic, region, app, model, root, taken) is { Count: > 0 } redeclared)
            {
                renames.AddRange(redeclared);
                continue;
            }
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            if (region is null)
            {
                problems.Add($"{app.Notebook}.cs (generated text, line " +
                    $"{diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}): {diagnostic.Id}: {message}");
                continue;
            }
            var line = LineOf(region.Cell.Source, region.ToSource(position) ?? 0);
            var advice = diagnostic.Id switch
            {
                "CS0128" => " (the top-level statements of one C# program share one scope: give one of the two " +
                    "another name)",
                "CS8801" or "CS0103" when region.Hoisted =>
                    " (a type or extension method declared in a cell is declared after the app's statements, where " +
                        "the cells' variables and functions are not in scope: pass it what it uses)",
                _ => "",
            };
            problems.Add($"{region.Cell.Name}, line {line}: " +
                (diagnostic.Severity == DiagnosticSeverity.Warning ? "warning (an error in the apps' build) " : "") +
                $"{diagnostic.Id}: {message}{advice}");
        }
        return new CompileFindings(renames, statementCells, problems.Distinct().ToList());
    }

    private static bool IsChart(ITypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (t.ToDisplayString() == "Plotly.NET.GenericChart") return true;
        return false;
    }

    /// <summary>
    /// CS0128: a cell declares a top-level name that an earlier cell (or the same cell) declared already. In a notebook
    /// the
    /// later declaration shadows the earlier one from its cell on; the app gives it a new name, NAME_CELL, and uses
    /// that
    /// name wherever the notebook would mean the later one: every use of the name after the declaration that binds to a
    /// top-level local (a use of the earlier one there would, in the notebook, mean the later one). Uses before it,
    /// also in
    /// local functions declared before it, keep the earlier one, as in the notebook.
    /// </summary>
    private static List<Rename> RedeclarationRenames(Diagnostic diagnostic, AppRegion region, GeneratedApp app,
        SemanticModel model, SyntaxNode root, HashSet<string> taken)
    {
        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        ISymbol? duplicate = null;
        for (var node = token.Parent; node is not null && duplicate is null; node = node.Parent)
        {
            duplicate = model.GetDeclaredSymbol(node);
            if (node is StatementSyntax) break;
        }
        if (duplicate is not ILocalSymbol local) return [];
        var name = local.Name;
        var positions = new List<int> { token.SpanStart };
        foreach (var id in root.DescendantNodes().OfType<IdentifierNameSyntax>().Where(id =>
            id.Identifier.ValueText == name && id.SpanStart > token.SpanStart))
        {
            var symbol = model.GetSymbolInfo(id).Symbol ?? model.GetSymbolInfo(id).CandidateSymbols.FirstOrDefault();
            if (symbol is ILocalSymbol bound && (SymbolEqualityComparer.Default.Equals(bound, local)
                || bound.DeclaringSyntaxReferences.All(r => r.Span.Start < token.SpanStart)))
                positions.Add(id.Identifier.SpanStart);
        }
        var newName = $"{name}_{region.Cell.Number}";
        while (taken.Contains(newName)) newName += "_";
        taken.Add(newName);
        var byCell = new Dictionary<int, List<int>>();
        foreach (var p in positions.Distinct())
        {
            var r = app.RegionAt(p);
            if (r?.ToSource(p) is not int source) return [];
            (byCell.TryGetValue(r.Cell.Number, out var list) ? list : byCell[r.Cell.Number] = []).Add(source);
        }
        return byCell.Select(c => new Rename(c.Key, name, newName, c.Value.Order().ToList())).ToList();
    }

    private static int LineOf(string source, int position) =>
        source.Replace("\r\n", "\n", StringComparison.Ordinal)[..Math.Min(position, source.Length)].Count(c =>
            c == '\n') + 1;

    /// <summary>
    /// CS0136: a local declared inside a statement of one cell has the name of a top-level local of another cell; in a
    /// notebook each cell is its own submission, in a program they share one scope. The nested local (its declaration
    /// and every use, all inside one statement) gets a new name: NAME_CELL.
    /// </summary>
    private static Rename? RenameOf(Diagnostic diagnostic, AppRegion region, GeneratedApp app, SemanticModel model,
        SyntaxNode root, HashSet<string> taken)
    {
        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        ISymbol? symbol = null;
        for (var node = token.Parent; node is not null && symbol is null; node = node.Parent)
        {
            symbol = model.GetDeclaredSymbol(node);
            if (node is StatementSyntax) break;
        }
        if (symbol is not ILocalSymbol local) return null;
        var name = local.Name;
        var positions = new List<int> { token.SpanStart };
        positions.AddRange(root.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(id => id.Identifier.ValueText == name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id).Symbol, local))
            .Select(id => id.Identifier.SpanStart));
        var mapped = positions.Distinct().Select(p => (Region: app.RegionAt(p), Position: p)).ToList();
        if (mapped.Any(m => m.Region?.Cell != region.Cell)) return null;
        var sourcePositions = mapped.Select(m => m.Region!.ToSource(m.Position)).ToList();
        if (sourcePositions.Any(p => p is null)) return null;
        var newName = $"{name}_{region.Cell.Number}";
        while (taken.Contains(newName)) newName += "_";
        taken.Add(newName);
        return new Rename(region.Cell.Number, name, newName, sourcePositions.Select(p => p!.Value).Order().ToList());
    }
}
