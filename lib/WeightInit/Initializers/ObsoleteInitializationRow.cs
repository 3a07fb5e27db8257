namespace WeightInit.Initializers;

/// <summary>
/// One row of the obsolete first-edition table (Géron 2017, "Hands-On Machine Learning with Scikit-Learn and
/// TensorFlow", 1st ed., table 11-1): r = m sqrt(6 / (n_in + n_out)) and sigma = m sqrt(2 / (n_in + n_out)) with
/// a per-activation multiplier m. Kept as data so a notebook can show it next to the modern table and say why it is wrong.
/// </summary>
/// <remarks>
/// Notebook 06 content rather than library API (its text members are the notebook's prose): it moves into the
/// notebook (or WeightInit.Tutorial) when notebook 06 is rewritten.
/// </remarks>
public sealed class ObsoleteInitializationRow
{
    internal ObsoleteInitializationRow(string activation, double multiplier, string multiplierText, string problem)
    {
        Activation = activation;
        Multiplier = multiplier;
        MultiplierText = multiplierText;
        Problem = problem;
    }

    /// <summary>The activation as the table names it.</summary>
    public string Activation { get; }

    /// <summary>The multiplier m: 1 (logistic), 4 (tanh), sqrt(2) (ReLU).</summary>
    public double Multiplier { get; }

    /// <summary>The multiplier as the table writes it, e.g. "4".</summary>
    public string MultiplierText { get; }

    /// <summary>The uniform bound as text, e.g. "4 sqrt(6/(n_in+n_out))".</summary>
    public string UniformBoundFormula => Multiplier == 1 ? "sqrt(6/(n_in+n_out))" : $"{MultiplierText} sqrt(6/(n_in+n_out))";

    /// <summary>What is wrong with this row (empty when the row itself agrees with the modern table).</summary>
    public string Problem { get; }

    /// <summary>r = m sqrt(6 / (n_in + n_out)).</summary>
    /// <param name="fanIn">n_in; positive.</param>
    /// <param name="fanOut">n_out; positive.</param>
    /// <returns>r.</returns>
    public double UniformBound(int fanIn, int fanOut)
    {
        Fans.CheckFans(fanIn, fanOut);
        return Multiplier * Math.Sqrt(6.0 / ((double)fanIn + fanOut));
    }

    /// <summary>sigma = m sqrt(2 / (n_in + n_out)).</summary>
    /// <param name="fanIn">n_in; positive.</param>
    /// <param name="fanOut">n_out; positive.</param>
    /// <returns>sigma.</returns>
    public double Std(int fanIn, int fanOut)
    {
        Fans.CheckFans(fanIn, fanOut);
        return Multiplier * Math.Sqrt(2.0 / ((double)fanIn + fanOut));
    }
}
