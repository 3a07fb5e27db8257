using System.Globalization;

namespace WeightInit.Training;

/// <summary>
/// The UCI optical-recognition handwritten digits (Alpaydin &amp; Kaynak, 1998, "Optical Recognition
/// of Handwritten Digits", UCI Machine Learning Repository), in the copy scikit-learn ships:
/// 1,797 images of 8 x 8 pixels with values 0..16, labels 0..9. See data/digits/README.md.
/// </summary>
public static class DigitsDataset
{
    /// <summary>Pixels per image (8 x 8).</summary>
    public const int FeatureCount = 64;

    /// <summary>Number of classes (digits 0..9).</summary>
    public const int ClassCount = 10;

    /// <summary>The largest pixel value in the file; features are pixel / MaxPixel, in [0, 1].</summary>
    public const int MaxPixel = 16;

    /// <summary>The fraction of each class held out by <see cref="LoadSplit(string)"/>.</summary>
    public const double DefaultTestFraction = 0.25;

    /// <summary>The shuffle seed of <see cref="LoadSplit(string)"/>.</summary>
    public const ulong DefaultSplitSeed = 2026;

    /// <summary>The data file's path relative to the repository's root.</summary>
    public const string RelativePath = "data/digits/digits.csv.gz";

    /// <summary>
    /// Reads the digits from a CSV file, gzip-compressed or plain (detected from the first bytes):
    /// one sample per line, 64 pixel values in 0..16 then an integer label in 0..9, separated by
    /// commas, no header. Each feature is scaled to [0, 1] as pixel / 16.
    /// </summary>
    /// <param name="path">The file, e.g. data/digits/digits.csv.gz.</param>
    /// <returns>The samples in file order, with 64 features and 10 classes.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line is malformed; the message names the file and the line.</exception>
    public static LabeledDataset Load(string path)
    {
        string fullPath = DataFile.Existing(path, "digits");

        var features = new List<double>(1797 * FeatureCount);
        var labels = new List<int>(1797);
        using (var reader = DataFile.OpenText(fullPath))
        {
            int lineNumber = 0;
            string? line;
            Span<Range> fields = stackalloc Range[FeatureCount + 2];
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                ReadOnlySpan<char> text = line.AsSpan().TrimEnd('\r');
                if (text.IsWhiteSpace())
                    throw DataFile.Invalid(fullPath, lineNumber, "the line is empty");
                int fieldCount = text.Split(fields, ',');
                if (fieldCount != FeatureCount + 1)
                {
                    int actual = fieldCount <= FeatureCount + 1 ? fieldCount : text.Count(',') + 1;
                    throw DataFile.Invalid(fullPath, lineNumber,
                        $"expected {FeatureCount + 1} comma-separated values (64 pixels and a label), found {actual}");
                }
                for (int j = 0; j < FeatureCount; j++)
                {
                    var field = text[fields[j]].Trim();
                    if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double pixel)
                        || !double.IsFinite(pixel))
                        throw DataFile.Invalid(fullPath, lineNumber, $"pixel {j + 1} '{field}' is not a number");
                    if (pixel < 0 || pixel > MaxPixel)
                        throw DataFile.Invalid(fullPath, lineNumber,
                            $"pixel {j + 1} is {field}, outside 0..{MaxPixel}");
                    features.Add(pixel / MaxPixel);
                }
                var labelField = text[fields[FeatureCount]].Trim();
                if (!int.TryParse(labelField, NumberStyles.Integer, CultureInfo.InvariantCulture, out int label))
                    throw DataFile.Invalid(fullPath, lineNumber, $"the label '{labelField}' is not an integer");
                if (label < 0 || label >= ClassCount)
                    throw DataFile.Invalid(fullPath, lineNumber, $"the label {label} is outside 0..{ClassCount - 1}");
                labels.Add(label);
            }
        }
        if (labels.Count == 0)
            throw new InvalidDataException($"{fullPath}: the file holds no samples.");
        return new LabeledDataset(features.ToArray(), labels.ToArray(), FeatureCount, ClassCount);
    }

    /// <summary>
    /// Loads the digits and splits them with <see cref="LabeledDataset.StratifiedSplit(double, ulong)"/>
    /// using <see cref="DefaultTestFraction"/> (0.25) and <see cref="DefaultSplitSeed"/> (2026): for
    /// the shipped file, 1,347 training and 450 test samples. Every notebook and test uses this split.
    /// </summary>
    /// <param name="path">The file, e.g. data/digits/digits.csv.gz.</param>
    /// <returns>The fixed split.</returns>
    public static TrainTestSplit LoadSplit(string path) =>
        Load(path).StratifiedSplit(DefaultTestFraction, DefaultSplitSeed);

    /// <summary>
    /// Finds <see cref="RelativePath"/> in <paramref name="startDirectory"/> or the nearest of its
    /// ancestors that has it (so that code running in bin/ or in notebooks/ finds the repository's copy).
    /// </summary>
    /// <param name="startDirectory">Where to start looking, e.g. the current directory.</param>
    /// <returns>The full path of the data file.</returns>
    /// <exception cref="FileNotFoundException">No ancestor has the file.</exception>
    public static string FindFile(string startDirectory) => DataFile.Find(RelativePath, startDirectory);
}
