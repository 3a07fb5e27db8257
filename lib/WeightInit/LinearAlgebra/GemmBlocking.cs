using WeightInit.Kernels;

namespace WeightInit.LinearAlgebra;

/// <summary>
/// The cache blocking of the matrix product, derived from the machine's caches (<see cref="CacheTopology"/>) and the
/// register tile (MR rows x NR columns) of the path, after Goto and van de Geijn (2008), with one change measured on
/// a Zen 4 core (32 KB L1, 1 MB L2): a deeper k block beats a strip of B that fits L1. Each k block reloads and
/// stores every tile of C, and an L2 delivers a strip's 2 registers per k step with room to spare, so kc is as large
/// as an eighth of L2 allows for the strip (kc x NR), at most 1024 (k = 512 in one block: 93-101 GFLOP/s in float on
/// one core, against 71-76 with the strip in half of L1, kc = 128). The packed block of A (mc x kc), streamed once per
/// strip, fills a quarter of L2; the packed panel of B (kc x nc), streamed once per block of A, half of this core's
/// share of L3 (a quarter of L2 without L3).
/// </summary>
/// <param name="Kc">Depth of a k block.</param>
/// <param name="Mc">Rows of a packed block of A (a multiple of MR).</param>
/// <param name="StripsPerPanel">Strips of NR columns in a packed panel of B.</param>
internal readonly record struct GemmBlocking(int Kc, int Mc, int StripsPerPanel)
{
    /// <summary>The blocking for tiles of <paramref name="mr"/> x <paramref name="nr"/> elements of
    /// <paramref name="elementSize"/> bytes.</summary>
    public static GemmBlocking For(CacheTopology caches, int mr, int nr, int elementSize)
    {
        int kc = Overrides.Kc ?? (int)Math.Clamp(caches.L2 / 8 / (nr * elementSize) / 16 * 16, 64, 1024);
        int mc = Overrides.Mc ?? (int)Math.Clamp(caches.L2 / 4 / ((long)kc * elementSize) / mr * mr, mr, 256 * mr);
        long panelBytes = caches.L3 > 0 ? caches.L3PerCore / 2 : caches.L2 / 4;
        int strips = (int)Math.Clamp(panelBytes / ((long)kc * nr * elementSize), 1, 1 << 16);
        return new GemmBlocking(kc, mc, strips);
    }

    /// <summary>Forced block sizes for the benchmark's blocking sweep (null: derived from the caches).</summary>
    internal static (int? Kc, int? Mc) Overrides { get; set; }
}
