using System.Text;

namespace FactCheck;

/// <summary>Character classes shared by slugs, search normalization and direction detection.</summary>
public static class TextFolding
{
    /// <summary>Arabic harakat (U+064B–U+065F), superscript alef (U+0670) and tatweel (U+0640).</summary>
    public static bool IsArabicMarkOrTatweel(Rune rune) =>
        rune.Value is >= 0x064B and <= 0x065F or 0x0670 or 0x0640;

    /// <summary>Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms.</summary>
    public static bool IsStrongRtl(Rune rune) =>
        Rune.IsLetter(rune) && rune.Value is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF);

    public static bool IsStrongLtr(Rune rune) => Rune.IsLetter(rune) && !IsStrongRtl(rune);
}
