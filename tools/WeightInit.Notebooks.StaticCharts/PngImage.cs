using System.Buffers.Binary;
using System.IO.Compression;

namespace WeightInit.Notebooks.StaticCharts;

/// <summary>
/// A decoded PNG image (8-bit RGB or RGBA, not interlaced: what chromium's canvas writes), for checking what a
/// rendered chart shows. Pixels are RGBA, row-major.
/// </summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Rgba">Four bytes per pixel, row-major, top row first.</param>
public sealed record PngImage(int Width, int Height, byte[] Rgba)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>The pixel at (<paramref name="x"/>, <paramref name="y"/>) as (r, g, b, a).</summary>
    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(x);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
            ArgumentOutOfRangeException.ThrowIfNegative(y);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
            var i = (y * Width + x) * 4;
            return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    /// <summary>Reads width and height from a PNG's header.</summary>
    /// <exception cref="FormatException">The bytes are not a PNG file.</exception>
    public static (int Width, int Height) ReadSize(ReadOnlySpan<byte> png)
    {
        if (png.Length < 24 || !png[..8].SequenceEqual(Signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
            throw new FormatException("Not a PNG file (no PNG signature and IHDR header).");
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(png[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(png[20..]));
    }

    /// <summary>Decodes an 8-bit RGB or RGBA, non-interlaced PNG.</summary>
    /// <exception cref="FormatException">Not a PNG, or a kind this decoder does not read (palette, 16-bit, interlaced).</exception>
    public static PngImage Decode(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        var (width, height) = ReadSize(png);
        var bitDepth = png[24];
        var colorType = png[25];
        var interlace = png[28];
        if (bitDepth != 8 || (colorType != 2 && colorType != 6) || interlace != 0)
            throw new FormatException($"Unsupported PNG (bit depth {bitDepth}, colour type {colorType}, interlace {interlace}).");
        var channels = colorType == 6 ? 4 : 3;

        using var idat = new MemoryStream();
        for (var offset = 8; offset + 8 <= png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = png.AsSpan(offset + 4, 4);
            if (type.SequenceEqual("IDAT"u8)) idat.Write(png, offset + 8, length);
            if (type.SequenceEqual("IEND"u8)) break;
            offset += 12 + length;
        }
        idat.Position = 0;
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
            z.ReadExactly(raw);

        var rgba = new byte[width * height * 4];
        var previous = new byte[stride];
        var row = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, row, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0, up = previous[i], upLeft = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new FormatException($"Unknown PNG row filter {filter}."),
                });
            }
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 4;
                rgba[o] = row[x * channels];
                rgba[o + 1] = row[x * channels + 1];
                rgba[o + 2] = row[x * channels + 2];
                rgba[o + 3] = channels == 4 ? row[x * channels + 3] : (byte)255;
            }
            (previous, row) = (row, previous);
        }
        return new PngImage(width, height, rgba);
    }

    /// <summary>Counts the pixels whose colour is within <paramref name="tolerance"/> (per channel) of the given colour.</summary>
    public int CountPixels(byte r, byte g, byte b, int tolerance = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var count = 0;
        for (var i = 0; i < Rgba.Length; i += 4)
            if (Math.Abs(Rgba[i] - r) <= tolerance && Math.Abs(Rgba[i + 1] - g) <= tolerance && Math.Abs(Rgba[i + 2] - b) <= tolerance && Rgba[i + 3] > 0)
                count++;
        return count;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
