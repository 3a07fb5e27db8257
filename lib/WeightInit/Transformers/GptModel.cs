using WeightInit.Kernels;
using WeightInit.LinearAlgebra;
using WeightInit.Random;
using WeightInit.Scaling;
using WeightInit.Statistics;
using WeightInit.Training;

namespace WeightInit.Transformers;

/// <summary>
/// A GPT (Radford et al. 2018 and 2019; in the form of karpathy/nanoGPT's <c>model.py</c>) for next-token prediction:
/// X_0 = <see cref="TokenEmbedding"/>, X_l = <see cref="TransformerBlock"/>_l(X_(l-1)) for l = 1..L, then a final
/// <see cref="LayerNormLayer"/> and the logits z = c LN(X_L) W^T with W the readout (V, d) (the token embedding when
/// tied) and c the output multiplier (1, or 1/m under muP). Trained on the mean cross-entropy of each token's logits
/// against the next token (<see cref="Loss.SoftmaxCrossEntropy"/>).
/// </summary>
/// <remarks>
/// <para>Inputs are sequences of T &lt;= <see cref="GptConfig.ContextLength"/> tokens, one after another; a batch of B
/// sequences is B T rows. A token outside [0, V) or a sequence longer than the context throws an
/// <see cref="ArgumentOutOfRangeException"/>.</para>
/// <para><see cref="Create"/> fills each parameter from its own stream, <c>random.Fork(k)</c> for the k-th filled
/// piece, so two schemes built from the same seed share their random draws wherever their distributions have the same
/// shape (GPT-2's and muP's hidden weights differ only by a factor).</para>
/// <para>Every product runs on <see cref="MatrixMultiply"/> and the attention shares its (sequence, head) pairs out
/// over the cores: the results are the same bits whatever the thread count. An instance keeps its work buffers and is
/// not thread-safe.</para>
/// </remarks>
public sealed class GptModel
{
    private readonly TokenEmbedding _embedding;
    private readonly TransformerBlock[] _blocks;
    private readonly LayerNormLayer _finalNorm;
    private readonly double[] _readout;
    private readonly Parameter[] _parameters;
    private readonly string[] _parameterNames;
    private readonly int[] _blockStart;
    private readonly int _finalNormStart, _readoutIndex;
    private double[][] _stream = [];
    private double[] _final = [], _logits = [], _logitsGradient = [], _finalGradient = [], _gradient = [],
        _gradientOther = [];

    private GptModel(GptConfig config, GptParametrization parametrization)
    {
        Config = config;
        Parametrization = parametrization;
        OutputMultiplier = parametrization.OutputMultiplier(config);
        int d = config.ModelWidth;
        _embedding = new TokenEmbedding(config.VocabularySize, config.ContextLength, d);
        double scale = parametrization.AttentionScale(config);
        _blocks = [.. Enumerable.Range(0, config.Layers)
            .Select(_ => new TransformerBlock(d, config.Heads, config.ContextLength, scale, config.LayerNormEpsilon))];
        _finalNorm = new LayerNormLayer(d, config.LayerNormEpsilon);
        var parameters = new List<Parameter> { _embedding.TokenParameter, _embedding.PositionParameter };
        var names = new List<string> { "token embedding", "position embedding" };
        _blockStart = new int[config.Layers];
        for (int b = 0; b < _blocks.Length; b++)
        {
            _blockStart[b] = parameters.Count;
            parameters.AddRange(_blocks[b].Parameters);
            names.AddRange(BlockParameterNames.Select(n => $"block {b + 1} {n}"));
        }
        _finalNormStart = parameters.Count;
        parameters.AddRange(_finalNorm.Parameters);
        names.AddRange(["final norm scale", "final norm shift"]);
        if (config.TiedEmbeddings)
        {
            _readout = _embedding.TokenParameter.Array;
            _readoutIndex = 0;
        }
        else
        {
            _readout = new double[config.VocabularySize * d];
            _readoutIndex = parameters.Count;
            parameters.Add(new Parameter("readout", ParameterRole.Weights, _readout, config.VocabularySize, d));
            names.Add("readout");
        }
        _parameters = [.. parameters];
        _parameterNames = [.. names];
    }

    /// <summary>The names of a block's parameters, in the order of <see cref="TransformerBlock.Parameters"/>.</summary>
    private static readonly string[] BlockParameterNames =
    [
        "norm 1 scale", "norm 1 shift", "attention input weights", "attention input biases", "attention output weights",
        "attention output biases", "norm 2 scale", "norm 2 shift", "mlp input weights", "mlp input biases",
        "mlp output weights", "mlp output biases",
    ];

    /// <summary>
    /// Builds a model of shape <paramref name="config"/> and fills its parameters by
    /// <paramref name="parametrization"/>'s table, setting each parameter's
    /// <see cref="Parameter.LearningRateMultiplier"/>.
    /// </summary>
    /// <param name="config">The shape; its width must divide among its heads.</param>
    /// <param name="parametrization">The initialization scheme, e.g. <see cref="GptParametrization.Gpt2"/>.</param>
    /// <param name="random">The source of every draw (each piece from its own fork).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The width is not divisible by the heads, or muP's zero readout meets tied
    /// embeddings.</exception>
    public static GptModel Create(GptConfig config, GptParametrization parametrization, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(parametrization);
        ArgumentNullException.ThrowIfNull(random);
        parametrization.Check(config, nameof(config));
        var model = new GptModel(config, parametrization);
        model.Initialize(random);
        return model;
    }

    /// <summary>The shape.</summary>
    public GptConfig Config { get; }

    /// <summary>The parametrization the model was built with.</summary>
    public GptParametrization Parametrization { get; }

    /// <summary>c, the factor on the logits: 1, or 1/m under muP.</summary>
    public double OutputMultiplier { get; }

    /// <summary>The token and position embedding.</summary>
    public TokenEmbedding Embedding => _embedding;

    /// <summary>The transformer blocks, input side first.</summary>
    public IReadOnlyList<TransformerBlock> Blocks => _blocks;

    /// <summary>The final layer normalization.</summary>
    public LayerNormLayer FinalNorm => _finalNorm;

    /// <summary>The readout W (V, d) row-major: the token embedding's table when tied; writable.</summary>
    public Span<double> Readout => _readout;

    /// <summary>
    /// Every learnable parameter: the token and position embeddings, each block's
    /// (<see cref="TransformerBlock.Parameters"/>), the final norm's scale and shift, then the readout unless tied.
    /// </summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>
    /// A readable name per entry of <see cref="Parameters"/>, e.g. "block 2 attention output weights".
    /// </summary>
    public IReadOnlyList<string> ParameterNames => _parameterNames;

    /// <summary>The number of learnable values.</summary>
    public long ParameterCount => _parameters.Sum(p => (long)p.Length);

    /// <summary>
    /// The most threads the attention and the MLPs' GELU use: positive, or -1 for one per core (the default). Products
    /// decide their own threads; no result depends on either.
    /// </summary>
    public int MaxDegreeOfParallelism
    {
        get => _blocks[0].Attention.MaxDegreeOfParallelism;
        set
        {
            if (value == 0 || value < -1)
                throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value,
                    $"MaxDegreeOfParallelism must be positive or -1, but it is {value}.");
            foreach (var block in _blocks)
            {
                block.Attention.MaxDegreeOfParallelism = value;
                block.Mlp.MaxDegreeOfParallelism = value;
            }
        }
    }

    /// <summary>
    /// The values of <paramref name="group"/> in block <paramref name="block"/>: e.g. the query rows of block 1's input
    /// projection. <see cref="GptParameterGroup.NormScale"/> and <see cref="GptParameterGroup.NormShift"/> give the
    /// block's first layer normalization's (the others are <see cref="TransformerBlock.SecondNorm"/>'s and
    /// <see cref="FinalNorm"/>'s).
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="block">The block, from 1 (ignored for the embeddings and the readout).</param>
    /// <returns>The values (writable).</returns>
    public Span<double> Values(GptParameterGroup group, int block = 1)
    {
        Guard.Defined(group);
        if (group == GptParameterGroup.TokenEmbedding) return _embedding.TokenTable;
        if (group == GptParameterGroup.PositionEmbedding) return _embedding.PositionTable;
        if (group == GptParameterGroup.Readout)
        {
            if (Config.TiedEmbeddings)
                throw new ArgumentException("The readout is tied to the token embedding; ask for " +
                    "GptParameterGroup.TokenEmbedding.", nameof(group));
            return _readout;
        }
        if (block < 1 || block > _blocks.Length)
            throw new ArgumentOutOfRangeException(nameof(block), block,
                $"block must be in [1, {_blocks.Length}], but it is {block}.");
        var b = _blocks[block - 1];
        int d = Config.ModelWidth;
        return group switch
        {
            GptParameterGroup.Query => b.Attention.InputProjection.Weights[..(d * d)],
            GptParameterGroup.Key => b.Attention.InputProjection.Weights.Slice(d * d, d * d),
            GptParameterGroup.Value => b.Attention.InputProjection.Weights.Slice(2 * d * d, d * d),
            GptParameterGroup.AttentionInputBias => b.Attention.InputProjection.Biases,
            GptParameterGroup.AttentionOutput => b.Attention.OutputProjection.Weights,
            GptParameterGroup.AttentionOutputBias => b.Attention.OutputProjection.Biases,
            GptParameterGroup.MlpInput => b.Mlp.InputLayer.Weights,
            GptParameterGroup.MlpInputBias => b.Mlp.InputLayer.Biases,
            GptParameterGroup.MlpOutput => b.Mlp.OutputProjection.Weights,
            GptParameterGroup.MlpOutputBias => b.Mlp.OutputProjection.Biases,
            GptParameterGroup.NormScale => b.FirstNorm.Scale,
            _ => b.FirstNorm.Shift,
        };
    }

    /// <summary>
    /// The parameter that holds <paramref name="group"/> in block <paramref name="block"/> (see <see cref="Values"/>).
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="block">The block, from 1 (ignored for the embeddings and the readout).</param>
    /// <returns>The parameter (for the query, key and value rows: the whole input projection).</returns>
    public Parameter ParameterOf(GptParameterGroup group, int block = 1)
    {
        var values = Values(group, block);
        foreach (var p in _parameters)
            if (values.Overlaps(p.Values)) return p;
        throw new InvalidOperationException($"No parameter holds {group}.");
    }

    /// <summary>A gradient holder shaped like <see cref="Parameters"/>.</summary>
    /// <returns>Zero gradients.</returns>
    public GptGradients CreateGradients() => new(this);

    /// <summary>The logits of every position: z = c LN(X_L) W^T, in inference mode.</summary>
    /// <param name="inputs">Sequences of <paramref name="sequenceLength"/> tokens, one after another; each token in [0,
    /// V).</param>
    /// <param name="sequenceLength">T, in [1, ContextLength].</param>
    /// <param name="logits">inputs.Length x V values to overwrite.</param>
    public void Logits(ReadOnlySpan<int> inputs, int sequenceLength, Span<double> logits)
    {
        CheckInputs(inputs, sequenceLength);
        Guard.Length(logits.Length, inputs.Length * Config.VocabularySize, nameof(logits),
            $"{inputs.Length} rows x {Config.VocabularySize} logits");
        Forward(inputs, sequenceLength, PassContext.Inference).CopyTo(logits);
    }

    /// <summary>
    /// The mean cross-entropy (nats per token) of predicting each target from the inputs up to it, in inference mode.
    /// </summary>
    /// <param name="inputs">Sequences of <paramref name="sequenceLength"/> tokens, one after another; each token in [0,
    /// V).</param>
    /// <param name="targets">The next token of every input; each in [0, V).</param>
    /// <param name="sequenceLength">T, in [1, ContextLength].</param>
    /// <returns>The mean loss.</returns>
    public double Loss(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int sequenceLength)
    {
        CheckInputs(inputs, sequenceLength);
        CheckTargets(targets, inputs.Length);
        var logits = Forward(inputs, sequenceLength, PassContext.Inference);
        return Training.Loss.SoftmaxCrossEntropy.Compute(logits, targets, inputs.Length, Config.VocabularySize, []);
    }

    /// <summary>
    /// Backpropagation: the mean cross-entropy of the batch and its gradient with respect to every parameter, written
    /// to <paramref name="gradients"/>. The parameters are not changed.
    /// </summary>
    /// <param name="inputs">Sequences of <paramref name="sequenceLength"/> tokens, one after another; each token in [0,
    /// V).</param>
    /// <param name="targets">The next token of every input; each in [0, V).</param>
    /// <param name="sequenceLength">T, in [1, ContextLength].</param>
    /// <param name="gradients">From <see cref="CreateGradients"/>; overwritten.</param>
    /// <returns>The mean loss over the batch's tokens.</returns>
    public double ComputeGradients(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int sequenceLength,
        GptGradients gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        CheckInputs(inputs, sequenceLength);
        CheckTargets(targets, inputs.Length);
        gradients.CheckShape(this, nameof(gradients));
        return ComputeGradientsCore(inputs, targets, sequenceLength, gradients);
    }

    /// <summary>
    /// The values at every named place of an inference forward pass: "embedding" (X_0), then for each block b (from 1)
    /// "block b attention logits" (the scaled logits s q_i . k_j of every causal entry), "block b attention" and
    /// "block b mlp" (the two branches' outputs), "block b output" (the residual stream X_b), and "logits".
    /// </summary>
    /// <param name="inputs">Sequences of <paramref name="sequenceLength"/> tokens, one after another; each token in [0,
    /// V).</param>
    /// <param name="sequenceLength">T, in [1, ContextLength].</param>
    /// <returns>One copy per place, in forward order.</returns>
    public IReadOnlyList<ActivationSite> ForwardActivations(ReadOnlySpan<int> inputs, int sequenceLength)
    {
        CheckInputs(inputs, sequenceLength);
        int count = inputs.Length, pairs = count / sequenceLength * Config.Heads;
        var records = _blocks.Select(_ =>
            new double[pairs * CausalSelfAttention.CausalEntries(sequenceLength)]).ToArray();
        for (int b = 0; b < _blocks.Length; b++) _blocks[b].Attention.LogitRecord = records[b];
        try
        {
            var logits = Forward(inputs, sequenceLength, PassContext.Inference);
            var sites = new List<ActivationSite> { new("embedding", Stream(0, count).ToArray()) };
            for (int b = 0; b < _blocks.Length; b++)
            {
                sites.Add(new($"block {b + 1} attention logits", records[b]));
                sites.Add(new($"block {b + 1} attention", _blocks[b].AttentionOutput(count).ToArray()));
                sites.Add(new($"block {b + 1} mlp", _blocks[b].MlpOutput(count).ToArray()));
                sites.Add(new($"block {b + 1} output", Stream(b + 1, count).ToArray()));
            }
            sites.Add(new("logits", logits.ToArray()));
            return sites;
        }
        finally
        {
            foreach (var block in _blocks) block.Attention.LogitRecord = null;
        }
    }

    /// <summary>
    /// Each block's attention on a batch (logit spread and entropy; <see cref="AttentionStatistics"/>), in inference
    /// mode.
    /// </summary>
    /// <param name="inputs">Sequences of <paramref name="sequenceLength"/> tokens, one after another; each token in [0,
    /// V).</param>
    /// <param name="sequenceLength">T, in [1, ContextLength].</param>
    /// <returns>One entry per block.</returns>
    public IReadOnlyList<AttentionStatistics> MeasureAttention(ReadOnlySpan<int> inputs, int sequenceLength)
    {
        var sites = ForwardActivations(inputs, sequenceLength);
        var result = new AttentionStatistics[_blocks.Length];
        int t = sequenceLength;
        for (int b = 0; b < _blocks.Length; b++)
        {
            // The probabilities of the last pass are still in the attention layer.
            var attention = _blocks[b].Attention;
            var logits = sites[1 + 4 * b].Values;
            double std = OnePassMoments.MeanStd(logits).Std, meanAbs = CoordinateCheck.MeanAbs(logits);
            var a = attention.Probabilities;
            double entropy = 0, uniform = 0;
            int rows = attention.PairCount * t;
            for (int r = 0; r < rows; r++)
            {
                int i = r % t;
                var row = a.Slice(r * t, i + 1);
                foreach (double p in row) if (p > 0) entropy -= p * Math.Log(p);
                uniform += Math.Log(i + 1);
            }
            result[b] = new AttentionStatistics(b + 1, std, meanAbs, entropy / rows, uniform / rows);
        }
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Config} [{Parametrization.Name}], {ParameterCount:N0} parameters";

    internal double ComputeGradientsCore(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int sequenceLength,
        GptGradients gradients)
    {
        int count = inputs.Length, v = Config.VocabularySize, d = Config.ModelWidth;
        var logits = Forward(inputs, sequenceLength, PassContext.Training);
        var dLogits = Buffer(ref _logitsGradient, count * v);
        double loss = Training.Loss.SoftmaxCrossEntropy.Compute(logits, targets, count, v, dLogits);
        var arrays = gradients.Arrays;
        // z = c F W^T: dW = c dZ^T F, dF = c dZ W (c folded into dZ once).
        if (OutputMultiplier != 1)
            SimdMap.Run(new ScaleOperator(OutputMultiplier), dLogits, default, default, dLogits);
        var final = _final.AsSpan(0, count * d);
        MatrixMultiply.TransposeMultiply(dLogits, final, arrays[_readoutIndex], v, count, d);
        var dFinal = Buffer(ref _finalGradient, count * d);
        MatrixMultiply.Multiply(dLogits, _readout, dFinal, count, v, d);
        var g = Buffer(ref _gradient, count * d);
        _finalNorm.BackwardCore(Stream(_blocks.Length, count), dFinal, count, g,
            arrays.AsSpan(_finalNormStart, _finalNorm.Parameters.Count), PassContext.Training);
        var other = Buffer(ref _gradientOther, count * d);
        for (int b = _blocks.Length - 1; b >= 0; b--)
        {
            _blocks[b].BackwardCore(Stream(b, count), g, count, other,
                arrays.AsSpan(_blockStart[b], _blocks[b].Parameters.Count), PassContext.Training);
            var swap = g;
            g = other;
            other = swap;
        }
        _embedding.Backward(inputs, sequenceLength, g, arrays[0], accumulateTokens: Config.TiedEmbeddings, arrays[1]);
        return loss;
    }

    /// <summary>The forward pass for validated inputs; returns the logits (valid until the next pass).</summary>
    private ReadOnlySpan<double> Forward(ReadOnlySpan<int> inputs, int sequenceLength, PassContext context)
    {
        int count = inputs.Length, d = Config.ModelWidth, v = Config.VocabularySize;
        if (_stream.Length != _blocks.Length + 1) _stream = new double[_blocks.Length + 1][];
        for (int l = 0; l <= _blocks.Length; l++) Buffer(ref _stream[l], count * d);
        _embedding.Forward(inputs, sequenceLength, Stream(0, count));
        for (int b = 0; b < _blocks.Length; b++)
        {
            _blocks[b].Attention.SequenceLength = sequenceLength;
            _blocks[b].ForwardCore(Stream(b, count), count, Stream(b + 1, count), context);
        }
        var final = Buffer(ref _final, count * d);
        _finalNorm.ForwardCore(Stream(_blocks.Length, count), count, final, context);
        var logits = Buffer(ref _logits, count * v);
        MatrixMultiply.MultiplyTransposed(final, _readout, logits, count, d, v);
        if (OutputMultiplier != 1)
            SimdMap.Run(new ScaleOperator(OutputMultiplier), logits, default, default, logits);
        return logits;
    }

    private Span<double> Stream(int layer, int count) => _stream[layer].AsSpan(0, count * Config.ModelWidth);

    private void Initialize(RandomSource random)
    {
        var p = Parametrization;
        var config = Config;
        int d = config.ModelWidth;
        ulong stream = 0;
        void Fill(GptParameterGroup group, Span<double> values, Parameter parameter, int rows, int columns)
        {
            var rule = p.Rule(group, config);
            rule.Initializer.Fill(values, [rows, columns], random.Fork(stream++));
            parameter.LearningRateMultiplier = rule.LearningRateMultiplier;
        }
        void FillNorm(LayerNormLayer norm)
        {
            Fill(GptParameterGroup.NormScale, norm.Scale, norm.Parameters[0], 1, d);
            Fill(GptParameterGroup.NormShift, norm.Shift, norm.Parameters[1], 1, d);
        }
        Fill(GptParameterGroup.TokenEmbedding, _embedding.TokenTable, _embedding.TokenParameter, config.VocabularySize,
            d);
        Fill(GptParameterGroup.PositionEmbedding, _embedding.PositionTable, _embedding.PositionParameter,
            config.ContextLength, d);
        foreach (var block in _blocks)
        {
            FillNorm(block.FirstNorm);
            var input = block.Attention.InputProjection;
            Fill(GptParameterGroup.Query, input.Weights[..(d * d)], input.Parameters[0], d, d);
            Fill(GptParameterGroup.Key, input.Weights.Slice(d * d, d * d), input.Parameters[0], d, d);
            Fill(GptParameterGroup.Value, input.Weights.Slice(2 * d * d, d * d), input.Parameters[0], d, d);
            Fill(GptParameterGroup.AttentionInputBias, input.Biases, input.Parameters[1], 1, 3 * d);
            var output = block.Attention.OutputProjection;
            Fill(GptParameterGroup.AttentionOutput, output.Weights, output.Parameters[0], d, d);
            Fill(GptParameterGroup.AttentionOutputBias, output.Biases, output.Parameters[1], 1, d);
            FillNorm(block.SecondNorm);
            var mlpInput = block.Mlp.InputLayer;
            Fill(GptParameterGroup.MlpInput, mlpInput.Weights, mlpInput.Parameters[0], config.MlpWidth, d);
            Fill(GptParameterGroup.MlpInputBias, mlpInput.Biases, mlpInput.Parameters[1], 1, config.MlpWidth);
            var mlpOutput = block.Mlp.OutputProjection;
            Fill(GptParameterGroup.MlpOutput, mlpOutput.Weights, mlpOutput.Parameters[0], d, config.MlpWidth);
            Fill(GptParameterGroup.MlpOutputBias, mlpOutput.Biases, mlpOutput.Parameters[1], 1, d);
        }
        FillNorm(_finalNorm);
        if (!config.TiedEmbeddings) Fill(GptParameterGroup.Readout, _readout, _parameters[_readoutIndex],
            config.VocabularySize, d);
    }

    private void CheckInputs(ReadOnlySpan<int> inputs, int sequenceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceLength);
        if (sequenceLength > Config.ContextLength)
            throw new ArgumentOutOfRangeException(nameof(sequenceLength), sequenceLength,
                $"sequenceLength ({sequenceLength}) is longer than the model's context ({Config.ContextLength}).");
        if (inputs.IsEmpty || inputs.Length % sequenceLength != 0)
            throw new ArgumentException(
                $"inputs must hold whole sequences of sequenceLength ({sequenceLength}) tokens, but its length is " +
                    $"{inputs.Length}.", nameof(inputs));
        CharacterVocabulary.CheckTokens(inputs, Config.VocabularySize, nameof(inputs));
    }

    private void CheckTargets(ReadOnlySpan<int> targets, int count)
    {
        Guard.Length(targets.Length, count, nameof(targets), "one target per input token");
        CharacterVocabulary.CheckTokens(targets, Config.VocabularySize, nameof(targets));
    }

    private static Span<double> Buffer(ref double[] buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = new double[length];
        return buffer.AsSpan(0, length);
    }
}
