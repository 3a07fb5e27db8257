using WeightInit.Activations;
using WeightInit.Random;

namespace WeightInit.Training;

/// <summary>
/// Builds residual MLPs: a linear stem from the inputs to the residual stream, L residual blocks
/// y = x + alpha F(x) and a linear classification layer.
/// </summary>
/// <remarks>
/// <para>A branch F of m dense layers is, without normalization, (m - 1) dense layers with the activation
/// followed by a linear one: F(x) = W_m f(... f(W_1 x + b_1) ...) + b_m. With normalization, every dense
/// layer of the branch is linear and followed by the normalization, and all but the last by the
/// activation: Dense, Norm, f, ..., Dense, Norm (the branch of He et al. 2016 without the activation after the
/// sum).</para>
/// <para>Every weight matrix is first drawn with its standard initializer, in forward order (stem, each
/// block's branch, the classification layer), so the same seed gives the same draws under every
/// <see cref="ResidualScheme"/>; the scheme then rescales or zeroes them and sets alpha.</para>
/// </remarks>
public static class ResidualNetwork
{
    /// <summary>Creates the network <paramref name="options"/> describes.</summary>
    /// <param name="options">The shape and the initialization.</param>
    /// <param name="random">The source of the initial weights.</param>
    /// <returns>The network: layer 0 is the stem, layers 1 .. L the blocks, layer L + 1 the classification
    /// layer.</returns>
    public static Network Create(ResidualNetworkOptions options, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        int m = options.BranchLayers, width = options.Width;
        if (options.Scheme == ResidualScheme.Fixup && m < 2)
            throw new ArgumentException(
                $"Fixup scales the branch layers by L^(-1/(2m-2)), which needs at least 2 dense layers per branch, " +
                    $"but BranchLayers is {m}.", nameof(options));

        var stem = new DenseLayer(options.InputWidth, width, Activation.Identity);
        stem.Initialize(options.LinearInitializer, random);
        var layers = new List<Layer> { stem };
        double fixupScale = Math.Pow(options.Blocks, -1.0 / (2 * m - 2));
        for (int b = 0; b < options.Blocks; b++)
        {
            var branch = new List<Layer>();
            for (int i = 0; i < m; i++)
            {
                bool last = i == m - 1;
                bool normalized = options.Normalization != Normalization.None;
                var dense = new DenseLayer(width, width, last || normalized ? Activation.Identity : options.Activation);
                dense.Initialize(last ? options.LinearInitializer : options.BranchInitializer, random);
                if (options.Scheme == ResidualScheme.Fixup) dense.ScaleWeights(last ? 0 : fixupScale);
                branch.Add(dense);
                if (normalized) branch.Add(NormalizationLayer.Create(options.Normalization, width));
                if (normalized && !last) branch.Add(new ActivationLayer(width, options.Activation));
            }
            layers.Add(options.Scheme switch
            {
                ResidualScheme.Standard => new ResidualBlock(branch),
                ResidualScheme.Fixup => new ResidualBlock(branch, alpha: 1, learnableAlpha: true),
                _ => new ResidualBlock(branch, alpha: 0, learnableAlpha: true),
            });
        }
        var head = new DenseLayer(width, options.ClassCount, Activation.Identity);
        head.Initialize(options.LinearInitializer, random);
        if (options.Scheme == ResidualScheme.Fixup) head.ScaleWeights(0);
        layers.Add(head);
        return new Network(layers);
    }
}
