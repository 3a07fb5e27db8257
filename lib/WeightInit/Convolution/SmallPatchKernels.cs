using System.Runtime.CompilerServices;
using WeightInit.Kernels;

namespace WeightInit.Convolution;

/// <summary>
/// The convolution's products for a small patch (C_in k at most <see cref="MaxPatch"/>, such as a network's first
/// layer on a one-channel signal): there the matrix product's packed tiles (8 rows x 16 columns) are mostly padding
/// and its packing and the rearrangement around it cost more than the multiply-adds. Each kernel computes every
/// element as the chain of <see cref="LinearAlgebra.MatrixMultiply"/> (c = fma(a_p, b_p, c) from c = +0, p in
/// order), so the results are the same bits as the general path's, on every width.
/// </summary>
internal static unsafe class SmallPatchKernels
{
    /// <summary>The largest patch (C_in k) these kernels take.</summary>
    public const int MaxPatch = 8;

    /// <summary>Lanes of the registers the kernels run with (the fused path's width).</summary>
    public static int Lanes { get; } = SimdPath.Auto.ResolveFused() switch
    {
        SimdPath.Vector512 => 8,
        SimdPath.Vector256 => 4,
        SimdPath.Vector128 => 2,
        _ => 1,
    };

    /// <summary>
    /// The forward product straight into the row layout:
    /// z_b[o, t] = (sum over r of W[o, r] U[r, b L_out + t]) + bias[o] (the chain over r, then the bias added), for
    /// samples [first, end). Needs L_out &gt;= <see cref="Lanes"/>.
    /// </summary>
    public static void Forward(double* weights, double* biases, double* unfolded, double* z, int patch, int channels,
        int lengthOut, int columns, int first, int end)
    {
        var body = new ForwardBody(weights, biases, unfolded, z, patch, channels, lengthOut, columns, first, end);
        SimdDispatch.Run<double, ForwardBody>(SimdPath.Auto.ResolveFused(), ref body);
    }

    /// <summary>
    /// dW[o, r] = the chain over c = (b, t) = 0 .. count L_out - 1 of dZ[o, c] U[r, c] (the order of the general
    /// product), with dZ read in the row layout (sample, channel, position) and U[0 .. patch-1, (b, t)] the first lanes
    /// of the register at <paramref name="patches"/> + b <paramref name="sampleStep"/> + t
    /// <paramref name="positionStep"/> (lanes after the patch are read and discarded). Needs patch &lt;=
    /// <see cref="Lanes"/>.
    /// </summary>
    public static void WeightGradient(double* dz, double* patches, long sampleStep, int positionStep,
        double* gradient, int patch, int channels, int lengthOut, int count)
    {
        var body = new WeightGradientBody(dz, patches, sampleStep, positionStep, gradient, patch, channels, lengthOut,
            count);
        SimdDispatch.Run<double, WeightGradientBody>(SimdPath.Auto.ResolveFused(), ref body);
    }

    /// <summary>
    /// dU[r, b L_out + t] = the chain over o = 0 .. channels-1 of W[o, r] dZ_b[o, t], dZ read in the row layout, for
    /// samples [0, count) (L_out at least <see cref="Lanes"/>).
    /// </summary>
    public static void PatchGradient(double* weights, double* dz, double* patchGradient, int patch, int channels,
        int lengthOut, int count)
    {
        var body = new PatchGradientBody(weights, dz, patchGradient, patch, channels, lengthOut, count);
        SimdDispatch.Run<double, PatchGradientBody>(SimdPath.Auto.ResolveFused(), ref body);
    }

    /// <summary>The sum of channel o's values over the batch's samples and positions, in the order (and to the bits)
    /// of <see cref="ConvolutionKernels.Sum"/> over the channel's row of the (channel, (sample, position)) matrix:
    /// the row is gathered into <paramref name="scratch"/> (count L_out values) first.</summary>
    public static double ChannelSum(double* dz, double* scratch, int o, int channels, int lengthOut, int count)
    {
        int width = channels * lengthOut;
        double* source = dz + o * lengthOut;
        for (int b = 0; b < count; b++, source += width)
            ConvolutionKernels.CopyRun(source, scratch + (long)b * lengthOut, lengthOut);
        return ConvolutionKernels.Sum(new ReadOnlySpan<double>(scratch, count * lengthOut));
    }

    /// <summary>U^T: row c of <paramref name="transposed"/> (<see cref="Lanes"/> values) holds U[0 .. patch-1, c];
    /// the lanes after the patch are not read by any result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transpose(double* unfolded, double* transposed, int patch, int columns)
    {
        int lanes = Lanes;
        for (int r = 0; r < patch; r++)
        {
            double* row = unfolded + (long)r * columns;
            double* d = transposed + r;
            for (int c = 0; c < columns; c++, d += lanes) *d = row[c];
        }
    }

    private readonly struct ForwardBody(double* weights, double* biases, double* unfolded, double* z, int patch,
        int channels, int lengthOut, int columns, int first, int end) : ISimdAction<double>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run<TV>() where TV : struct, ISimdVector<TV, double>
        {
            int lanes = TV.Count, last = lengthOut - lanes, width = channels * lengthOut;
            for (int b = first; b < end; b++)
            {
                double* u = unfolded + (long)b * lengthOut;
                for (int o = 0; o < channels; o++)
                {
                    double* w = weights + o * patch;
                    double* row = z + (long)b * width + o * lengthOut;
                    var bias = TV.Create(biases[o]);
                    // Chunks of the row; the last one ends at the row's end and may overlap its predecessor (the
                    // overlapped values are computed again, to the same bits).
                    for (int t = 0; ; t += lanes)
                    {
                        if (t > last) t = last;
                        var s = TV.Zero;
                        double* column = u + t;
                        for (int r = 0; r < patch; r++, column += columns)
                            s = TV.FusedMultiplyAdd(TV.Create(w[r]), TV.Load(column), s);
                        TV.Store(s + bias, row + t);
                        if (t == last) break;
                    }
                }
            }
        }
    }

    private readonly struct WeightGradientBody(double* dz, double* patches, long sampleStep, int positionStep,
        double* gradient, int patch, int channels, int lengthOut, int count) : ISimdAction<double>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run<TV>() where TV : struct, ISimdVector<TV, double>
        {
            int lanes = TV.Count, width = channels * lengthOut;
            double* lanesOut = stackalloc double[lanes];
            // Eight output channels at a time, one register each (lanes: the patch); a block past the last channel
            // repeats the last one and does not store it.
            for (int o0 = 0; o0 < channels; o0 += 8)
            {
                int o1 = Math.Min(o0 + 1, channels - 1) - o0, o2 = Math.Min(o0 + 2, channels - 1) - o0,
                    o3 = Math.Min(o0 + 3, channels - 1) - o0, o4 = Math.Min(o0 + 4, channels - 1) - o0,
                    o5 = Math.Min(o0 + 5, channels - 1) - o0, o6 = Math.Min(o0 + 6, channels - 1) - o0,
                    o7 = Math.Min(o0 + 7, channels - 1) - o0;
                nint s1 = o1 * lengthOut, s2 = o2 * lengthOut, s3 = o3 * lengthOut, s4 = o4 * lengthOut,
                    s5 = o5 * lengthOut, s6 = o6 * lengthOut, s7 = o7 * lengthOut;
                TV a0 = TV.Zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
                for (int b = 0; b < count; b++)
                {
                    double* d = dz + (long)b * width + o0 * lengthOut;
                    double* u = patches + b * sampleStep;
                    for (int t = 0; t < lengthOut; t++, d++, u += positionStep)
                    {
                        var x = TV.Load(u);
                        a0 = TV.FusedMultiplyAdd(TV.Create(d[0]), x, a0);
                        a1 = TV.FusedMultiplyAdd(TV.Create(d[s1]), x, a1);
                        a2 = TV.FusedMultiplyAdd(TV.Create(d[s2]), x, a2);
                        a3 = TV.FusedMultiplyAdd(TV.Create(d[s3]), x, a3);
                        a4 = TV.FusedMultiplyAdd(TV.Create(d[s4]), x, a4);
                        a5 = TV.FusedMultiplyAdd(TV.Create(d[s5]), x, a5);
                        a6 = TV.FusedMultiplyAdd(TV.Create(d[s6]), x, a6);
                        a7 = TV.FusedMultiplyAdd(TV.Create(d[s7]), x, a7);
                    }
                }
                Save(a0, o0, lanesOut);
                Save(a1, o0 + 1, lanesOut);
                Save(a2, o0 + 2, lanesOut);
                Save(a3, o0 + 3, lanesOut);
                Save(a4, o0 + 4, lanesOut);
                Save(a5, o0 + 5, lanesOut);
                Save(a6, o0 + 6, lanesOut);
                Save(a7, o0 + 7, lanesOut);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Save<TV>(TV sums, int o, double* lanesOut) where TV : struct, ISimdVector<TV, double>
        {
            if (o >= channels) return;
            TV.Store(sums, lanesOut);
            for (int r = 0; r < patch; r++) gradient[o * patch + r] = lanesOut[r];
        }
    }

    private readonly struct PatchGradientBody(double* weights, double* dz, double* patchGradient, int patch,
        int channels, int lengthOut, int count) : ISimdAction<double>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run<TV>() where TV : struct, ISimdVector<TV, double>
        {
            // W padded to MaxPatch columns with zeros: the eight chains of a chunk (one per r) run side by side,
            // sharing each load of dZ; the padded ones are not stored.
            Span<double> padded = channels <= 256 ? stackalloc double[channels * MaxPatch]
                : new double[channels * MaxPatch];
            fixed (double* w = padded) Run<TV>(w);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Run<TV>(double* w) where TV : struct, ISimdVector<TV, double>
        {
            int lanes = TV.Count, last = lengthOut - lanes, width = channels * lengthOut;
            long columns = (long)count * lengthOut;
            for (int o = 0; o < channels; o++)
                for (int r = 0; r < MaxPatch; r++) w[o * MaxPatch + r] = r < patch ? weights[o * patch + r] : 0;
            for (int b = 0; b < count; b++)
            {
                double* sample = dz + (long)b * width;
                // Chunks of the sample's positions; the last one ends at the last position and may overlap its
                // predecessor (recomputed to the same bits).
                for (int t = 0; ; t += lanes)
                {
                    if (t > last) t = last;
                    TV s0 = TV.Zero, s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
                    double* d = sample + t, wo = w;
                    for (int o = 0; o < channels; o++, d += lengthOut, wo += MaxPatch)
                    {
                        var x = TV.Load(d);
                        s0 = TV.FusedMultiplyAdd(TV.Create(wo[0]), x, s0);
                        s1 = TV.FusedMultiplyAdd(TV.Create(wo[1]), x, s1);
                        s2 = TV.FusedMultiplyAdd(TV.Create(wo[2]), x, s2);
                        s3 = TV.FusedMultiplyAdd(TV.Create(wo[3]), x, s3);
                        s4 = TV.FusedMultiplyAdd(TV.Create(wo[4]), x, s4);
                        s5 = TV.FusedMultiplyAdd(TV.Create(wo[5]), x, s5);
                        s6 = TV.FusedMultiplyAdd(TV.Create(wo[6]), x, s6);
                        s7 = TV.FusedMultiplyAdd(TV.Create(wo[7]), x, s7);
                    }
                    double* target = patchGradient + (long)b * lengthOut + t;
                    TV.Store(s0, target);
                    if (patch > 1) TV.Store(s1, target + columns);
                    if (patch > 2) TV.Store(s2, target + 2 * columns);
                    if (patch > 3) TV.Store(s3, target + 3 * columns);
                    if (patch > 4) TV.Store(s4, target + 4 * columns);
                    if (patch > 5) TV.Store(s5, target + 5 * columns);
                    if (patch > 6) TV.Store(s6, target + 6 * columns);
                    if (patch > 7) TV.Store(s7, target + 7 * columns);
                    if (t == last) break;
                }
            }
        }
    }
}
