using System.Globalization;

namespace WeightInit.Kernels;

/// <summary>
/// The data-cache sizes of the machine, read once at start-up: on Linux from
/// /sys/devices/system/cpu/cpu0/cache/index*/ (level, type, size, shared_cpu_list), elsewhere or when that fails
/// conservative defaults (<see cref="Fallback"/>). The matrix product derives its blocking from them
/// (<see cref="LinearAlgebra.GemmBlocking"/>), so that one binary is tuned for whatever processor runs it.
/// </summary>
/// <param name="L1Data">Bytes of level-1 data cache per core.</param>
/// <param name="L2">Bytes of level-2 cache per core.</param>
/// <param name="L3">Bytes of level-3 cache of one group of cores (0 when there is none).</param>
/// <param name="CoresPerL3">How many logical processors share that level-3 cache.</param>
/// <param name="Source">Where the sizes came from, for the benchmark's report.</param>
internal sealed record CacheTopology(long L1Data, long L2, long L3, int CoresPerL3, string Source)
{
    /// <summary>Sizes to assume when the machine does not say: 32 KB, 512 KB, 8 MB shared by all cores (a small
    /// laptop's).</summary>
    public static CacheTopology Fallback { get; } =
        new(32 << 10, 512 << 10, 8 << 20, Environment.ProcessorCount, "defaults");

    /// <summary>This machine's caches (read once).</summary>
    public static CacheTopology Current { get; } = Read();

    /// <summary>Bytes of level-3 cache a core may count on (its share), or 0 without a level-3 cache.</summary>
    public long L3PerCore => L3 / Math.Max(1, CoresPerL3);

    private static CacheTopology Read()
    {
        try
        {
            const string root = "/sys/devices/system/cpu/cpu0/cache";
            if (!OperatingSystem.IsLinux() || !Directory.Exists(root)) return Fallback;
            long l1 = 0, l2 = 0, l3 = 0;
            int shared = 1;
            foreach (var index in Directory.GetDirectories(root, "index*"))
            {
                string type = File.ReadAllText(Path.Combine(index, "type")).Trim();
                if (type == "Instruction") continue;
                int level =
                    int.Parse(File.ReadAllText(Path.Combine(index, "level")).Trim(), CultureInfo.InvariantCulture);
                long size = ParseSize(File.ReadAllText(Path.Combine(index, "size")).Trim());
                switch (level)
                {
                    case 1: l1 = size; break;
                    case 2: l2 = size; break;
                    case 3:
                        l3 = size;
                        string list = Path.Combine(index, "shared_cpu_list");
                        if (File.Exists(list)) shared = CountCpus(File.ReadAllText(list).Trim());
                        break;
                }
            }
            return Sane(l1, l2, l3, shared, "/sys/devices/system/cpu/cpu0/cache");
        }
        catch (Exception e)
            when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return Fallback;
        }
    }

    /// <summary>Sizes within plausible bounds (4 KB to 64 MB per core-level cache), each missing one replaced by its
    /// default.</summary>
    internal static CacheTopology Sane(long l1, long l2, long l3, int shared, string source)
    {
        static bool Plausible(long bytes, long low, long high) => bytes >= low && bytes <= high;
        var f = Fallback;
        return new CacheTopology(
            Plausible(l1, 4 << 10, 1 << 20) ? l1 : f.L1Data,
            Plausible(l2, 64 << 10, 64 << 20) ? l2 : f.L2,
            Plausible(l3, 256 << 10, 1L << 32) ? l3 : 0,
            Math.Max(1, shared),
            source);
    }

    /// <summary>"32K", "1024K", "32768K", "2M" or a plain number of bytes.</summary>
    internal static long ParseSize(string text)
    {
        long multiplier = 1;
        if (text.EndsWith('K')) multiplier = 1 << 10;
        else if (text.EndsWith('M')) multiplier = 1 << 20;
        else if (text.EndsWith('G')) multiplier = 1 << 30;
        string digits = multiplier == 1 ? text : text[..^1];
        return long.Parse(digits, CultureInfo.InvariantCulture) * multiplier;
    }

    /// <summary>The number of CPUs in a list such as "0-3,8-11" or "0,1".</summary>
    internal static int CountCpus(string list)
    {
        int count = 0;
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            count += range.Length == 2
                ? int.Parse(range[1], CultureInfo.InvariantCulture) - int.Parse(range[0], CultureInfo.InvariantCulture)
                    + 1
                : 1;
        }
        return Math.Max(1, count);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant(
            $"L1d {L1Data >> 10} KB, L2 {L2 >> 10} KB, L3 {L3 >> 20} MB / {CoresPerL3} cores ({Source})");
}
