using System.Numerics;

namespace FactCheck;

/// <summary>
/// Difference hash: the image shrunk to 9×8 grey cells, one bit per horizontal neighbour comparison.
/// Resizing and recompression barely move it; different screenshots of the same app differ in
/// many bits because their text blocks sit in different places.
/// </summary>
public static class PerceptualHash
{
    /// <summary>At or below this many differing bits (of 64) two screenshots are shown as likely the same.</summary>
    public const int SimilarDistance = 10;

    public static int Distance(long a, long b) => BitOperations.PopCount((ulong)(a ^ b));

    /// <summary>
    /// Close in Hamming distance, and sharing more edges (set bits) than they differ in. A set bit is an
    /// edge between two cells; flat areas give zeros. Screenshots are mostly flat, so two unrelated ones
    /// with few edges are close in distance alone — a near-blank image would "match" every sparse chat.
    /// </summary>
    public static bool AreSimilar(long a, long b) =>
        Distance(a, b) is var distance && distance <= SimilarDistance && BitOperations.PopCount((ulong)(a & b)) > distance;

    public static long Compute(byte[] pixels, int width, int height, int bands)
    {
        const int columns = 9, rows = 8;
        Span<double> cells = stackalloc double[columns * rows];
        Span<int> counts = stackalloc int[columns * rows];
        for (var y = 0; y < height; y++)
        {
            var row = y * rows / height;
            for (var x = 0; x < width; x++)
            {
                var at = (y * width + x) * bands;
                var grey = bands >= 3 ? 0.299 * pixels[at] + 0.587 * pixels[at + 1] + 0.114 * pixels[at + 2] : pixels[at];
                var cell = row * columns + x * columns / width;
                cells[cell] += grey;
                counts[cell]++;
            }
        }
        ulong hash = 0;
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns - 1; c++)
            {
                var left = cells[r * columns + c] / Math.Max(1, counts[r * columns + c]);
                var right = cells[r * columns + c + 1] / Math.Max(1, counts[r * columns + c + 1]);
                // Screenshots have large flat areas whose neighbouring cells are equal; recompression nudges such
                // pairs by a fraction of a level. Comparing in steps of 8 grey levels keeps those bits stable.
                hash = (hash << 1) | (Math.Round(left / 8) > Math.Round(right / 8) ? 1UL : 0UL);
            }
        return (long)hash;
    }
}
