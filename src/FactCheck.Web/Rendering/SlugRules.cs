using System.Globalization;
using System.Text;

namespace FactCheck;

/// <summary>
/// Slugs are lower-case words of any script (Arabic and Cyrillic slugs are allowed) joined by single
/// hyphens: no slashes, dots or spaces, so a slug can never escape its URL segment.
/// </summary>
public static class SlugRules
{
    public const int MaxLength = 120;

    public static string FromTitle(string title)
    {
        var builder = new StringBuilder(title.Length);
        var pendingHyphen = false;
        // Normalize throws on noncharacters and unpaired surrogates: they go first (SafeText).
        foreach (var rune in SafeText.Clean(title).Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (TextFolding.IsArabicMarkOrTatweel(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
                continue;
            if (Rune.IsLetter(rune) || Rune.IsDigit(rune))
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                pendingHyphen = false;
                var digit = Rune.IsDigit(rune) ? Rune.GetNumericValue(rune) : -1;
                if (digit is >= 0 and <= 9) builder.Append((char)('0' + (int)digit));
                else builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else pendingHyphen = true;
        }
        var slug = builder.ToString();
        if (slug.Length <= MaxLength) return slug;
        var cut = slug.LastIndexOf('-', MaxLength);
        return cut > MaxLength / 2 ? slug[..cut] : slug[..MaxLength].TrimEnd('-');
    }

    /// <summary>Why a slug is unacceptable, or null when it is fine.</summary>
    public static string? Problem(string? slug)
    {
        if (string.IsNullOrEmpty(slug)) return "empty";
        if (slug.Length > MaxLength) return $"longer than {MaxLength} characters";
        if (slug.StartsWith('-') || slug.EndsWith('-') || slug.Contains("--", StringComparison.Ordinal))
            return "hyphens must separate words";
        foreach (var rune in slug.EnumerateRunes())
        {
            if (rune.Value == '-') continue;
            if (rune.Value is >= '0' and <= '9') continue;
            if (Rune.IsLetter(rune) && Rune.ToLowerInvariant(rune) == rune) continue;
            return $"'{rune}' is not allowed (use lower-case letters, digits and hyphens)";
        }
        return null;
    }
}
