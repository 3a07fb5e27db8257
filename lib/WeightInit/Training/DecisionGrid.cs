namespace WeightInit.Training;

/// <summary>
/// A network's class probabilities on a regular grid of 2-D points, for decision-boundary pictures:
/// point (ix, iy) is (X[ix], Y[iy]).
/// </summary>
public sealed class DecisionGrid
{
    private readonly double[] _x, _y, _probabilities;
    private readonly int[] _classes;

    private DecisionGrid(double[] x, double[] y, int classCount, double[] probabilities, int[] classes)
    {
        _x = x; _y = y; ClassCount = classCount; _probabilities = probabilities; _classes = classes;
    }

    /// <summary>The grid's x coordinates, ascending.</summary>
    public ReadOnlySpan<double> X => _x;

    /// <summary>The grid's y coordinates, ascending.</summary>
    public ReadOnlySpan<double> Y => _y;

    /// <summary>The number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>All probabilities, indexed [iy, ix, class] row-major: (iy * X.Length + ix) * ClassCount +
    /// class.</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>The predicted class of every point, indexed [iy, ix] row-major (-1 where the output is not
    /// finite).</summary>
    public ReadOnlySpan<int> PredictedClasses => _classes;

    /// <summary>
    /// The fraction of the grid's points where this grid and <paramref name="other"/> predict different classes: 0 when
    /// two networks draw the same decision regions over the grid, 1 when they never agree. Points where an output is
    /// not finite (class -1) count as a class of their own.
    /// </summary>
    /// <param name="other">A grid over the same points (same X and Y).</param>
    /// <returns>The disagreement in [0, 1].</returns>
    /// <exception cref="ArgumentException">The grids do not cover the same points.</exception>
    public double DisagreementWith(DecisionGrid other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!X.SequenceEqual(other.X) || !Y.SequenceEqual(other.Y))
            throw new ArgumentException("other must be evaluated on the same grid points (the same X and Y).",
                nameof(other));
        int different = 0;
        for (int i = 0; i < _classes.Length; i++) if (_classes[i] != other._classes[i]) different++;
        return (double)different / _classes.Length;
    }

    /// <summary>
    /// How much boundary the decision regions have: the fraction of neighbouring grid points (left-right and up-down
    /// pairs) whose predicted classes differ. 0 for a single region; a smooth boundary across the grid gives about
    /// 1 / (points per side); a ragged map that changes class every few points gives much more.
    /// </summary>
    /// <returns>The fraction in [0, 1].</returns>
    public double BoundaryFraction()
    {
        int columns = _x.Length, rows = _y.Length, different = 0;
        for (int iy = 0; iy < rows; iy++)
            for (int ix = 0; ix < columns; ix++)
            {
                int c = _classes[iy * columns + ix];
                if (ix + 1 < columns && _classes[iy * columns + ix + 1] != c) different++;
                if (iy + 1 < rows && _classes[(iy + 1) * columns + ix] != c) different++;
            }
        return (double)different / (rows * (columns - 1) + columns * (rows - 1));
    }

    /// <summary>The probability of class <paramref name="classIndex"/> at point (ix, iy).</summary>
    /// <param name="ix">Index into X.</param>
    /// <param name="iy">Index into Y.</param>
    /// <param name="classIndex">The class.</param>
    /// <returns>The probability.</returns>
    public double Probability(int ix, int iy, int classIndex)
    {
        Guard.Index(ix, _x.Length);
        Guard.Index(iy, _y.Length);
        Guard.Index(classIndex, ClassCount);
        return _probabilities[(iy * _x.Length + ix) * ClassCount + classIndex];
    }

    /// <summary>The probabilities of one class as a Y.Length x X.Length matrix (rows are y), e.g. for a heat
    /// map.</summary>
    /// <param name="classIndex">The class.</param>
    /// <returns>The probabilities, [iy][ix].</returns>
    public double[][] ClassProbabilityRows(int classIndex)
    {
        Guard.Index(classIndex, ClassCount);
        var rows = new double[_y.Length][];
        for (int iy = 0; iy < _y.Length; iy++)
        {
            rows[iy] = new double[_x.Length];
            for (int ix = 0; ix < _x.Length; ix++) rows[iy][ix] =
                _probabilities[(iy * _x.Length + ix) * ClassCount + classIndex];
        }
        return rows;
    }

    /// <summary>
    /// Evaluates a network with 2 inputs on the grid of xCount x yCount points evenly spaced over
    /// [xMin, xMax] x [yMin, yMax] (both ends included).
    /// </summary>
    /// <param name="network">A network with InputWidth 2.</param>
    /// <param name="loss">The loss the network was trained with; it defines the probabilities.</param>
    /// <param name="xMin">The smallest x; finite.</param>
    /// <param name="xMax">The largest x; finite, greater than xMin.</param>
    /// <param name="xCount">Points along x; at least 2.</param>
    /// <param name="yMin">The smallest y; finite.</param>
    /// <param name="yMax">The largest y; finite, greater than yMin.</param>
    /// <param name="yCount">Points along y; at least 2.</param>
    /// <returns>The grid.</returns>
    public static DecisionGrid Evaluate(Network network, Loss loss,
        double xMin, double xMax, int xCount, double yMin, double yMax, int yCount)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(loss);
        if (network.InputWidth != 2)
            throw new ArgumentException($"A decision grid needs a network with 2 inputs, but this one takes " +
                $"{network.InputWidth}.", nameof(network));
        Guard.Finite(xMin); Guard.Finite(xMax); Guard.Finite(yMin); Guard.Finite(yMax);
        if (xMax <= xMin) throw new ArgumentOutOfRangeException(nameof(xMax), xMax,
            $"xMax must be greater than xMin ({xMin}), but it is {xMax}.");
        if (yMax <= yMin) throw new ArgumentOutOfRangeException(nameof(yMax), yMax,
            $"yMax must be greater than yMin ({yMin}), but it is {yMax}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(xCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(yCount, 2);
        var xs = new double[xCount];
        var ys = new double[yCount];
        for (int i = 0; i < xCount; i++) xs[i] = xMin + (xMax - xMin) * i / (xCount - 1);
        for (int i = 0; i < yCount; i++) ys[i] = yMin + (yMax - yMin) * i / (yCount - 1);
        int count = checked(xCount * yCount);
        var points = new double[2 * count];
        for (int iy = 0; iy < yCount; iy++)
            for (int ix = 0; ix < xCount; ix++)
            {
                points[2 * (iy * xCount + ix)] = xs[ix];
                points[2 * (iy * xCount + ix) + 1] = ys[iy];
            }
        int width = network.OutputWidth, classes = loss.ClassCount(width);
        var outputs = new double[count * width];
        network.Forward(points, count, outputs);
        var probabilities = new double[count * classes];
        loss.Probabilities(outputs, count, width, probabilities);
        var predicted = new int[count];
        for (int i = 0; i < count; i++) predicted[i] = loss.PredictClass(outputs.AsSpan(i * width, width));
        return new DecisionGrid(xs, ys, classes, probabilities, predicted);
    }
}
