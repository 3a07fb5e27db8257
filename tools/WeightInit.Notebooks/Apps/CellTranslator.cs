using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WeightInit.Notebooks.Apps;

/// <summary>One code cell of a notebook, as the app generator reads it.</summary>
/// <param name="Number">Its number among the notebook's code cells, from 1 (the notebook's execution count).</param>
/// <param name="Index">Its index among all the notebook's cells.</param>
/// <param name="Source">Its source.</param>
internal sealed record CodeCell(int Number, int Index, string Source)
{
    /// <summary>How messages name the cell: its number and its first line.</summary>
    public string Name => $"code cell {Number} ({NotebookFile.FirstLine(Source)})";
}

/// <summary>A code cell translated into parts of a file-based app.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Usings">Its using directives, which the app puts at its top.</param>
/// <param name="Code">Its statements and local functions, in place (its last expression, when it is displayed, shown by
/// NotebookApp.Show).</param>
/// <param name="Types">The types it declares, which the app puts after its top-level statements.</param>
/// <param name="ExtensionMethods">The extension methods it declares, which the app puts into a static class.</param>
/// <param name="ShowsLastExpression">Whether its last expression is passed to NotebookApp.Show.</param>
internal sealed record CellTranslation(CodeCell Cell, IReadOnlyList<string> Usings, MappedText Code,
    IReadOnlyList<MappedText> Types,
    IReadOnlyList<MappedText> ExtensionMethods, bool ShowsLastExpression);

/// <summary>
/// Translates one notebook code cell into the parts of a file-based app. The cell is parsed as what the kernel compiles
/// it as, a C# script submission (Roslyn, <see cref="SourceCodeKind.Script"/>), so that its last expression (no
/// semicolon: the kernel displays its value) and its declarations are found by the parser, not by guessing. What a
/// script allows and a program does not is an error that names the cell: kernel directives (<c>#r</c>, <c>#!</c>
/// magic commands), fields other than plain or const variables, members with access modifiers.
/// </summary>
internal static class CellTranslator
{
    /// <summary>The name the apps call for a cell's displayed last expression.</summary>
    public const string ShowCall = "NotebookApp.Show";

    private static readonly CSharpParseOptions ScriptOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    private static readonly HashSet<SyntaxKind> LocalFunctionModifiers =
        [SyntaxKind.StaticKeyword, SyntaxKind.AsyncKeyword, SyntaxKind.UnsafeKeyword, SyntaxKind.ExternKeyword];

    /// <summary>Translates <paramref name="cell"/>.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="lastExpressionIsStatement">The cell's last expression has no value (a void call): the app ends it
    /// with a semicolon.</param>
    /// <param name="problems">Where problems are added, each naming the cell.</param>
    public static CellTranslation Translate(CodeCell cell, bool lastExpressionIsStatement, List<string> problems)
    {
        var source = cell.Source.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (line.StartsWith("#!", StringComparison.Ordinal))
                problems.Add($"{cell.Name}, line {i + 1}: '{line}' is a kernel magic command, which a C# program " +
                    "cannot run: only the first code cell may be #!import setup.dib");
            else if (line.StartsWith("#r ", StringComparison.Ordinal)
                || line.StartsWith("#i ", StringComparison.Ordinal)
                    || line.StartsWith("#load ", StringComparison.Ordinal))
                problems.Add($"{cell.Name}, line {i + 1}: '{line}' is a kernel directive, which a C# program cannot " +
                    "run: reference packages and assemblies in notebooks/setup.dib (the apps get them from their " +
                        "projects)");
        }
        var tree = CSharpSyntaxTree.ParseText(source, ScriptOptions);
        foreach (var error in tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            problems.Add($"{cell.Name}, line {error.Location.GetLineSpan().StartLinePosition.Line + 1}: does not " +
                $"parse: {error.Id}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        var root = (CompilationUnitSyntax)tree.GetRoot();
        foreach (var alias in root.Externs)
            problems.Add($"{cell.Name}: '{alias}' (extern alias) has no place in a file-based app");
        if (root.AttributeLists.Count > 0)
            problems.Add($"{cell.Name}: assembly attributes ({root.AttributeLists[0]}) have no place in a notebook " +
                "cell's app");

        var usings = root.Usings.Select(u => u.ToString().Trim()).ToList();
        var code = new MappedText();
        var types = new List<MappedText>();
        var extensions = new List<MappedText>();
        var shows = false;
        var position = root.FullSpan.Start;
        // The using directives open the cell (a script allows them nowhere else); the app hoists them.
        if (root.Usings.Count > 0) position = root.Usings[^1].FullSpan.End;
        for (var m = 0; m < root.Members.Count; m++)
        {
            var member = root.Members[m];
            switch (member)
            {
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    types.Add(new MappedText().Source(source, member.FullSpan.Start, member.FullSpan.End).Trim());
                    break;
                case MethodDeclarationSyntax method:
                    var unsupported = method.Modifiers.Where(t => !LocalFunctionModifiers.Contains(t.Kind())).ToList();
                    if (unsupported.Count > 0)
                        problems.Add($"{cell.Name}: {method.Identifier.Text} is declared " +
                            $"'{string.Join(' ', unsupported)}', which a local function of a C# program cannot be: " +
                                "drop the modifier");
                    if (method.ParameterList.Parameters.FirstOrDefault()?.Modifiers.Any(SyntaxKind.ThisKeyword) == true)
                    {
                        // An extension method: C# wants it in a static class, which the app puts after its statements.
                        var text = new MappedText();
                        var start = method.Modifiers.Count > 0 ? method.Modifiers[0].SpanStart
                            : method.ReturnType.SpanStart;
                        text.Source(source, member.FullSpan.Start,
                            start).Literal(method.Modifiers.Any(SyntaxKind.StaticKeyword) ? "internal "
                                : "internal static ")
                            .Source(source, start, member.FullSpan.End);
                        extensions.Add(text.Trim());
                    }
                    else code.Source(source, position, member.FullSpan.End);
                    break;
                case FieldDeclarationSyntax field:
                    var modifiers = field.Modifiers.Where(t => !t.IsKind(SyntaxKind.ConstKeyword)).ToList();
                    if (modifiers.Count > 0 || field.AttributeLists.Count > 0)
                        problems.Add($"{cell.Name}: '{Shorten(field.ToString())}' declares a field with " +
                            $"'{string.Join(' ', modifiers)}', which a local variable of a C# program cannot have: " +
                                "drop the modifier");
                    code.Source(source, position, member.FullSpan.End);
                    break;
                case GlobalStatementSyntax
                {
                    Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last,
                } when m == root.Members.Count - 1:
                    // The cell's last expression, whose value the kernel displays.
                    code.Source(source, position, last.Expression.SpanStart);
                    if (lastExpressionIsStatement)
                        code.Source(source, last.Expression.SpanStart, last.Expression.Span.End).Literal(";");
                    else
                    {
                        code.Literal(ShowCall + "(").Source(source, last.Expression.SpanStart,
                            last.Expression.Span.End).Literal(");");
                        shows = true;
                    }
                    code.Source(source, last.Expression.Span.End, member.FullSpan.End);
                    break;
                case GlobalStatementSyntax:
                    code.Source(source, position, member.FullSpan.End);
                    break;
                default:
                    problems.Add($"{cell.Name}: '{Shorten(member.ToString())}' ({member.Kind()}) is a script member " +
                        "that a C# program's top-level statements cannot declare");
                    break;
            }
            position = member.FullSpan.End;
        }
        code.Source(source, position, root.FullSpan.End);
        return new CellTranslation(cell, usings, code.Trim(), types, extensions, shows);
    }

    private static string Shorten(string code)
    {
        var flat = string.Join(' ', code.Split(['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 70 ? flat[..67] + "..." : flat;
    }
}
