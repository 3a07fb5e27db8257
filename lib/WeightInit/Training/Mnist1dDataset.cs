using System.Globalization;

namespace WeightInit.Training;

/// <summary>
/// MNIST-1D (Greydanus &amp; Kobak 2024, "Scaling down deep learning with MNIST-1D", ICML; Greydanus 2020,
/// arXiv:2011.14439): 5,000 procedurally generated signals of length 40 in 10 classes, the standard set of the
/// reference implementation (seed 42), split into 4,000 training and 1,000 test signals. See data/mnist1d/README.md.
/// </summary>
/// <remarks>
/// The authors report test accuracies of 32% for logistic regression, 68% for an MLP and 94% for a CNN, where MNIST
/// gives all three about 99%: the signals are translated, so a model needs a spatial prior to classify them well.
/// The values have mean 0 and standard deviation 1 over the whole set; they are used as they are.
/// </remarks>
public static class Mnist1dDataset
{
    /// <summary>Values per signal.</summary>
    public const int FeatureCount = 40;

    /// <summary>Number of classes (digits 0..9).</summary>
    public const int ClassCount = 10;

    /// <summary>Training signals: the file's first lines.</summary>
    public const int TrainCount = 4000;

    /// <summary>Test signals: the file's last lines.</summary>
    public const int TestCount = 1000;

    /// <summary>The data file's path relative to the repository's root.</summary>
    public const string RelativePath = "data/mnist1d/mnist1d.csv.gz";

    /// <summary>
    /// Reads MNIST-1D from a CSV file, gzip-compressed or plain (detected from the first bytes): 5,000 lines of 40
    /// finite values and an integer label in 0..9, separated by commas, no header; the first 4,000 lines are the
    /// training set and the last 1,000 the test set.
    /// </summary>
    /// <param name="path">The file, e.g. data/mnist1d/mnist1d.csv.gz.</param>
    /// <returns>The standard split: 4,000 training and 1,000 test samples of 40 features, 10 classes.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line is malformed, or the file does not hold 5,000 lines; the message
    /// names the file and the line.</exception>
    public static TrainTestSplit Load(string path)
    {
        string fullPath = DataFile.Existing(path, "MNIST-1D");
        const int total = TrainCount + TestCount;
        var features = new double[total * FeatureCount];
        var labels = new int[total];
        int lineNumber = 0;
        using (var reader = DataFile.OpenText(fullPath))
        {
            string? line;
            Span<Range> fields = stackalloc Range[FeatureCount + 2];
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                if (lineNumber > total)
                    throw new InvalidDataException($"{fullPath}: the file holds more than {total} lines.");
                ReadOnlySpan<char> text = line.AsSpan().TrimEnd('\r');
                int fieldCount = text.Split(fields, ',');
                if (fieldCount != FeatureCount + 1)
                    throw DataFile.Invalid(fullPath, lineNumber,
                        $"expected {FeatureCount + 1} comma-separated values (40 values and a label), found " +
                        $"{(fieldCount <= FeatureCount + 1 ? fieldCount : text.Count(',') + 1)}");
                for (int j = 0; j < FeatureCount; j++)
                {
                    var field = text[fields[j]].Trim();
                    if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ||
                        !double.IsFinite(value))
                        throw DataFile.Invalid(fullPath, lineNumber, $"value {j + 1} '{field}' is not a finite number");
                    features[(lineNumber - 1) * FeatureCount + j] = value;
                }
                var labelField = text[fields[FeatureCount]].Trim();
                if (!int.TryParse(labelField, NumberStyles.Integer, CultureInfo.InvariantCulture, out int label) ||
                    label < 0 || label >= ClassCount)
                    throw DataFile.Invalid(fullPath, lineNumber,
                        $"the label '{labelField}' is not an integer in 0..{ClassCount - 1}");
                labels[lineNumber - 1] = label;
            }
        }
        if (lineNumber != total)
            throw new InvalidDataException($"{fullPath}: the file holds {lineNumber} lines, but MNIST-1D has " +
                $"{total} ({TrainCount} training and {TestCount} test signals).");
        var train = new LabeledDataset(features.AsSpan(0, TrainCount * FeatureCount), labels.AsSpan(0, TrainCount),
            FeatureCount, ClassCount);
        var test = new LabeledDataset(features.AsSpan(TrainCount * FeatureCount), labels.AsSpan(TrainCount),
            FeatureCount, ClassCount);
        return new TrainTestSplit(train, test, [.. Enumerable.Range(0, TrainCount)],
            [.. Enumerable.Range(TrainCount, TestCount)]);
    }

    /// <summary>
    /// Finds <see cref="RelativePath"/> in <paramref name="startDirectory"/> or the nearest of its ancestors that has
    /// it (so that code running in bin/ or in notebooks/ finds the repository's copy).
    /// </summary>
    /// <param name="startDirectory">Where to start looking, e.g. the current directory.</param>
    /// <returns>The full path of the data file.</returns>
    /// <exception cref="FileNotFoundException">No ancestor has the file.</exception>
    public static string FindFile(string startDirectory) => DataFile.Find(RelativePath, startDirectory);
}
