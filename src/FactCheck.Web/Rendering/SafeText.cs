using System.Text;

namespace FactCheck;

/// <summary>
/// THE one function for text that becomes a slug, an element id, XML or an HTTP header. Such text must
/// not carry control characters (except tab and line breaks where lines are allowed), unpaired
/// surrogates or Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane,
/// U+FFFE, U+FFFF, U+1FFFE…): .NET's normalization throws on them, XML 1.0 cannot carry most of them,
/// and Kestrel refuses them in headers. One U+FFFE in a heading (typed, or as "&amp;#65534;") once took
/// every page and feed of a language down, because each of those places had its own partial rule.
/// </summary>
public static class SafeText
{
    /// <summary>True for a character that may not appear in such text.</summary>
    public static bool IsUnsafe(Rune rune, bool allowLineBreaks) =>
        rune.Value switch
        {
            '\t' or '\n' or '\r' => !allowLineBreaks,
            < 0x20 or (>= 0x7F and <= 0x9F) => true,
            >= 0xFDD0 and <= 0xFDEF => true,
            _ => (rune.Value & 0xFFFE) == 0xFFFE,
        };

    /// <summary>Whether <paramref name="text"/> holds anything <see cref="Clean"/> would remove (for validation: say so, don't silently change what an editor typed).</summary>
    public static bool HasUnsafe(string? text, bool allowLineBreaks)
    {
        if (string.IsNullOrEmpty(text)) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done) return true;
            if (IsUnsafe(rune, allowLineBreaks)) return true;
            i += used - 1;
        }
        return false;
    }

    /// <summary><paramref name="text"/> without unsafe characters (unpaired surrogates are dropped too). Returns the same string when nothing needed removing.</summary>
    public static string Clean(string? text, bool allowLineBreaks = true)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!HasUnsafe(text, allowLineBreaks)) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used);
            if (status == System.Buffers.OperationStatus.Done && !IsUnsafe(rune, allowLineBreaks)) clean.Append(text, i, used);
            i += used - 1;
        }
        return clean.ToString();
    }
}
