using WeightInit.Random;

namespace WeightInit.Training;

/// <summary>
/// A classification data set held in memory: <see cref="Count"/> samples of
/// <see cref="FeatureCount"/> features each (row-major, one row per sample) and one integer label
/// per sample in 0 .. <see cref="ClassCount"/> - 1. Immutable.
/// </summary>
public sealed class LabeledDataset
{
    private readonly double[] _features;
    private readonly int[] _labels;

    /// <summary>Creates a data set from copies of the given features and labels.</summary>
    /// <param name="features">Count x featureCount values, row-major; every value finite.</param>
    /// <param name="labels">One label per sample, each in [0, classCount).</param>
    /// <param name="featureCount">Features per sample; at least 1.</param>
    /// <param name="classCount">Number of classes; at least 2.</param>
    public LabeledDataset(ReadOnlySpan<double> features, ReadOnlySpan<int> labels, int featureCount, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        if (labels.IsEmpty)
            throw new ArgumentException("A data set needs at least one sample, but labels is empty.", nameof(labels));
        Guard.Length(features.Length, labels.Length * featureCount, nameof(features),
            $"{labels.Length} samples x {featureCount} features");
        for (int i = 0; i < features.Length; i++)
            if (!double.IsFinite(features[i]))
                throw new ArgumentException($"features must be finite, but the value of sample {i / featureCount}, " +
                    $"feature {i % featureCount} is {features[i]}.", nameof(features));
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classCount)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i],
                    $"Every label must lie in [0, {classCount}), but label {i} is {labels[i]}.");
        _features = features.ToArray();
        _labels = labels.ToArray();
        FeatureCount = featureCount;
        ClassCount = classCount;
    }

    /// <summary>The number of samples.</summary>
    public int Count => _labels.Length;

    /// <summary>The number of features per sample.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of classes; labels lie in [0, ClassCount).</summary>
    public int ClassCount { get; }

    /// <summary>All features, Count x FeatureCount, row-major.</summary>
    public ReadOnlySpan<double> Features => _features;

    /// <summary>All labels, one per sample.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The features of one sample.</summary>
    /// <param name="index">The sample's index in [0, Count).</param>
    /// <returns>FeatureCount values.</returns>
    public ReadOnlySpan<double> FeaturesOf(int index)
    {
        Guard.Index(index, Count);
        return _features.AsSpan(index * FeatureCount, FeatureCount);
    }

    /// <summary>How many samples each class has: element c counts the samples labelled c.</summary>
    /// <returns>ClassCount counts.</returns>
    public int[] ClassCounts()
    {
        var counts = new int[ClassCount];
        foreach (int label in _labels) counts[label]++;
        return counts;
    }

    /// <summary>The samples at <paramref name="indices"/>, in that order, as a new data set.</summary>
    /// <param name="indices">Sample indices in [0, Count); at least one.</param>
    /// <returns>A data set with the same FeatureCount and ClassCount.</returns>
    public LabeledDataset Subset(ReadOnlySpan<int> indices)
    {
        if (indices.IsEmpty)
            throw new ArgumentException("A subset needs at least one index.", nameof(indices));
        var features = new double[indices.Length * FeatureCount];
        var labels = new int[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            int index = indices[i];
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices), index,
                    $"Every index must lie in [0, {Count}), but index {i} is {index}.");
            _features.AsSpan(index * FeatureCount, FeatureCount).CopyTo(features.AsSpan(i * FeatureCount));
            labels[i] = _labels[index];
        }
        return new LabeledDataset(features, labels, FeatureCount, ClassCount);
    }

    /// <summary>
    /// A deterministic stratified split into a training and a test set.
    /// </summary>
    /// <remarks>
    /// For each class c in order 0, 1, ..., the indices of its n_c samples (in file order) are
    /// shuffled by <see cref="RandomSource.Shuffle{T}(Span{T})"/> (unbiased Fisher-Yates) from one
    /// <see cref="RandomSource"/> seeded with
    /// <paramref name="seed"/>; the first round(testFraction * n_c) of them (rounding half to even)
    /// go to the test set, the rest to the training set. Both sets keep the original sample order
    /// (indices ascending). The same data, fraction and seed always give the same split.
    /// </remarks>
    /// <param name="testFraction">The fraction of each class held out for testing, in (0, 1).</param>
    /// <param name="seed">The seed of the shuffle.</param>
    /// <returns>The two sets and their indices into this set.</returns>
    public TrainTestSplit StratifiedSplit(double testFraction, ulong seed)
    {
        Guard.FinitePositive(testFraction);
        if (testFraction >= 1)
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction,
                $"testFraction must be less than 1, but it is {testFraction}.");
        var random = new RandomSource(seed);
        var byClass = new List<int>[ClassCount];
        for (int c = 0; c < ClassCount; c++) byClass[c] = [];
        for (int i = 0; i < Count; i++) byClass[_labels[i]].Add(i);
        var train = new List<int>();
        var test = new List<int>();
        for (int c = 0; c < ClassCount; c++)
        {
            var members = byClass[c].ToArray();
            random.Shuffle(members.AsSpan());
            int testCount = (int)Math.Round(testFraction * members.Length, MidpointRounding.ToEven);
            test.AddRange(members.AsSpan(0, testCount));
            train.AddRange(members.AsSpan(testCount));
        }
        if (train.Count == 0 || test.Count == 0)
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction,
                $"testFraction {testFraction} leaves {train.Count} training and {test.Count} test samples of " +
                    $"{Count}; both sets need at least one.");
        train.Sort();
        test.Sort();
        int[] trainIndices = [.. train], testIndices = [.. test];
        return new TrainTestSplit(Subset(trainIndices), Subset(testIndices), trainIndices, testIndices);
    }
}
