using System.Text;

namespace FactCheck;

/// <summary>
/// The query of /{lang}/advisories. Values are keys (verdict, platform) or names (tag); anything
/// malformed is refused with 400 rather than guessed at, and nothing here is ever echoed unencoded.
/// </summary>
public sealed record ListFilter(string? Verdict, string? Platform, string? Tag)
{
    public const int MaxValueLength = 100;

    public bool IsEmpty => Verdict is null && Platform is null && Tag is null;

    public static string? Problem(string? verdict, string? platform, string? tag)
    {
        foreach (var value in new[] { verdict, platform, tag })
        {
            if (value is null) continue;
            if (value.Length > MaxValueLength) return "too-long";
            if (value.Any(char.IsControl)) return "control";
        }
        return null;
    }

    /// <summary>Page numbers in any digit set ("٣" is 3); null when not a whole number from 1 up.</summary>
    public static int? ParsePage(string? value)
    {
        if (string.IsNullOrEmpty(value)) return 1;
        if (value.Length > 6) return null;
        var number = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            var digit = Rune.IsDigit(rune) ? (int)Rune.GetNumericValue(rune) : -1;
            if (digit is < 0 or > 9) return null;
            number = number * 10 + digit;
        }
        return number >= 1 ? number : null;
    }

    public string ToPath(SiteLanguage language, int page)
    {
        var query = new List<string>();
        if (Verdict is not null) query.Add("verdict=" + Uri.EscapeDataString(Verdict));
        if (Platform is not null) query.Add("platform=" + Uri.EscapeDataString(Platform));
        if (Tag is not null) query.Add("tag=" + Uri.EscapeDataString(Tag));
        if (page > 1) query.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"/{language.Code}/advisories" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
