namespace WeightInit.Convolution;

/// <summary>
/// The shape arithmetic of a 1-D convolution, checked once: channels, kernel size, input length, stride, padding
/// on each side and the output length L_out = floor((L + left + right - k) / stride) + 1.
/// </summary>
internal readonly record struct Conv1dGeometry(int InputChannels, int OutputChannels, int KernelSize, int InputLength,
    int Stride, int PaddingLeft, int PaddingRight, PaddingMode Mode)
{
    /// <summary>Positions per output channel.</summary>
    public int OutputLength => (InputLength + PaddingLeft + PaddingRight - KernelSize) / Stride + 1;

    /// <summary>Values per input sample: InputChannels x InputLength.</summary>
    public int InputWidth => InputChannels * InputLength;

    /// <summary>Values per output sample: OutputChannels x OutputLength.</summary>
    public int OutputWidth => OutputChannels * OutputLength;

    /// <summary>Rows of the unfolded input (im2col): InputChannels x KernelSize, the kernel's fan-in.</summary>
    public int PatchSize => InputChannels * KernelSize;

    /// <summary>
    /// Checks the arguments of a convolution layer and returns its geometry; each rule's exception names the
    /// constructor's parameter. <paramref name="padding"/> null is "same": stride 1, PyTorch's split of the k - 1
    /// padded positions, left = (k - 1) / 2 (rounded down) and right = k - 1 - left, so L_out = L.
    /// </summary>
    public static Conv1dGeometry Create(int inputChannels, int outputChannels, int kernelSize, int inputLength,
        int stride, int? padding, PaddingMode paddingMode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        Guard.Defined(paddingMode);
        int left, right;
        if (padding is int amount)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(amount, nameof(padding));
            left = right = amount;
        }
        else
        {
            if (stride != 1)
                throw new ArgumentException(
                    $"'same' padding (padding null) needs stride 1, as in PyTorch, but stride is {stride}; " +
                    "give padding explicitly.",
                    nameof(padding));
            left = (kernelSize - 1) / 2;
            right = kernelSize - 1 - left;
        }
        if (paddingMode == PaddingMode.Circular && Math.Max(left, right) > inputLength)
            throw new ArgumentException(
                "Circular padding may wrap around the signal at most once: the padding " +
                $"({Math.Max(left, right)}) must not exceed inputLength ({inputLength}).",
                nameof(padding));
        if ((long)inputLength + left + right < kernelSize)
            throw new ArgumentException(
                $"kernelSize ({kernelSize}) must not exceed the padded input length " +
                $"({(long)inputLength + left + right}: inputLength {inputLength} plus padding {left} + {right}).",
                nameof(kernelSize));
        var geometry = new Conv1dGeometry(inputChannels, outputChannels, kernelSize, inputLength, stride, left, right,
            paddingMode);
        long widest = Math.Max((long)inputChannels * inputLength, (long)outputChannels * geometry.OutputLength);
        if (widest > int.MaxValue || (long)inputChannels * kernelSize * outputChannels > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(inputLength),
                "The layer's widths or weights exceed int.MaxValue values.");
        return geometry;
    }

    /// <summary>The input position that output position t reads through kernel tap j, or -1 for a padded
    /// zero.</summary>
    public int Source(int t, int j)
    {
        int position = t * Stride + j - PaddingLeft;
        if ((uint)position < (uint)InputLength) return position;
        if (Mode == PaddingMode.Zeros) return -1;
        return position < 0 ? position + InputLength : position - InputLength;
    }

    /// <summary>The output positions [first, end) whose tap j reads inside the signal (no padding), for stride 1
    /// copies.</summary>
    public (int First, int End) InsideRange(int j)
    {
        // t * stride + j - left in [0, L)  <=>  t in [ceil((left - j) / stride), ceil((L + left - j) / stride)).
        int first = Math.Min(OutputLength, Math.Max(0, CeilDiv(PaddingLeft - j, Stride)));
        int end = Math.Min(OutputLength, CeilDiv(InputLength + PaddingLeft - j, Stride));
        return (first, Math.Max(first, end));
    }

    private static int CeilDiv(int a, int b) => a <= 0 ? -(-a / b) : (a + b - 1) / b;
}
