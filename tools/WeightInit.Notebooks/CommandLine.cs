using System.Globalization;

namespace WeightInit.Notebooks;

/// <summary>The options of a verb, parsed from its arguments.</summary>
/// <param name="Only">Only the notebooks (or apps) whose file name starts with one of these; empty: all.</param>
/// <param name="Jobs">How many notebooks are executed (or apps built) at once.</param>
/// <param name="Timeout">The longest one notebook (or app) may run.</param>
/// <param name="CheckOnly"><c>apps --check</c>: write nothing, only check that the committed apps are up to
/// date.</param>
/// <param name="Out">Where <c>check</c> writes the executed notebooks and their HTML export.</param>
public sealed record ToolOptions(IReadOnlyList<string> Only, int Jobs, TimeSpan Timeout, bool CheckOnly, string Out);

/// <summary>One verb of the tool: its name, what it does, its options' help and the options it accepts.</summary>
/// <param name="Name">The verb, e.g. <c>check</c>.</param>
/// <param name="Summary">One line: what it does.</param>
/// <param name="Help">Its usage and options, as <c>--help</c> prints them.</param>
/// <param name="Options">The options it accepts (<c>--only</c>, <c>--jobs</c>, <c>--timeout</c>, <c>--check</c>,
/// <c>--out</c>).</param>
public sealed record Verb(string Name, string Summary, string Help, IReadOnlySet<string> Options);

/// <summary>Parses a verb's arguments into <see cref="ToolOptions"/>; a bad argument is an <see
/// cref="ArgumentException"/>.</summary>
public static class CommandLine
{
    /// <summary>The options every verb starts from.</summary>
    public static readonly ToolOptions Defaults = new([], 2, TimeSpan.FromSeconds(900), false, "artifacts/notebooks");

    /// <summary>Parses <paramref name="arguments"/> (those after the verb) for <paramref name="verb"/>.</summary>
    /// <exception cref="ArgumentException">An unknown option, an option the verb does not take, a missing or bad value;
    /// the message names it.</exception>
    public static ToolOptions Parse(Verb verb, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(arguments);
        var options = Defaults;
        var only = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i];
            if (!verb.Options.Contains(name))
                throw new ArgumentException($"{verb.Name}: unknown argument '{name}'");
            string Value() => i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? arguments[++i]
                : throw new ArgumentException($"{verb.Name}: {name} needs a value");
            switch (name)
            {
                case "--only":
                    only.AddRange(Value().Split(',',
                        StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--jobs":
                    var jobs = Value();
                    options = int.TryParse(jobs, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                        ? options with { Jobs = n }
                        : throw new ArgumentException(
                            $"{verb.Name}: --jobs must be a whole number from 1, got '{jobs}'");
                    break;
                case "--timeout":
                    var timeout = Value();
                    options = double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
                        && s > 0
                        ? options with { Timeout = TimeSpan.FromSeconds(s) }
                        : throw new ArgumentException(
                            $"{verb.Name}: --timeout must be a positive number of seconds, got '{timeout}'");
                    break;
                case "--check":
                    options = options with { CheckOnly = true };
                    break;
                case "--out":
                    options = options with { Out = Value() };
                    break;
            }
        }
        return options with { Only = only };
    }
}
