using System.Globalization;

namespace FactCheck;

/// <summary>The languages FactCheck publishes in. Adding one touches about ten places: docs/adding-a-language.md lists them.</summary>
public sealed record SiteLanguage(string Code, string NativeName, TextDirection Direction)
{
    public static readonly SiteLanguage Arabic = new("ar", "العربية", TextDirection.Rtl);
    public static readonly SiteLanguage Ukrainian = new("uk", "Українська", TextDirection.Ltr);
    public static readonly SiteLanguage English = new("en", "English", TextDirection.Ltr);

    public static readonly IReadOnlyList<SiteLanguage> All = [Arabic, Ukrainian, English];
    public static SiteLanguage Default => Arabic;
    public const string RouteConstraint = "regex(^(ar|uk|en)$)";

    public string Dir => Direction == TextDirection.Rtl ? "rtl" : "ltr";

    /// <summary>
    /// Culture for human-facing dates and UI strings. Arabic uses the Gregorian calendar deliberately:
    /// ar-SA would format dates in the Hijri calendar (docs/rtl-and-text.md).
    /// </summary>
    public CultureInfo Culture => cultures[Code];

    public static SiteLanguage? Find(string? code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Picks the reader's language from an Accept-Language header, honouring q-values.</summary>
    public static SiteLanguage FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return Default;
        var best = header.Split(',')
            .Select((part, index) =>
            {
                var pieces = part.Split(';');
                var tag = pieces[0].Trim();
                var q = 1.0;
                foreach (var p in pieces.Skip(1))
                {
                    var kv = p.Trim();
                    if (kv.StartsWith("q=", StringComparison.OrdinalIgnoreCase) &&
                        double.TryParse(kv[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                        q = parsed;
                }
                var primary = tag.Split('-')[0];
                return (Language: Find(primary), Q: q, Index: index);
            })
            .Where(c => c.Language is not null && c.Q > 0)
            .OrderByDescending(c => c.Q).ThenBy(c => c.Index)
            .FirstOrDefault();
        return best.Language ?? Default;
    }

    private static readonly Dictionary<string, CultureInfo> cultures = new()
    {
        ["ar"] = GregorianArabic(),
        ["uk"] = CultureInfo.ReadOnly(new CultureInfo("uk-UA")),
        ["en"] = CultureInfo.ReadOnly(new CultureInfo("en-GB")),
    };

    private static CultureInfo GregorianArabic()
    {
        var culture = new CultureInfo("ar-EG");
        culture.DateTimeFormat.Calendar = new GregorianCalendar(GregorianCalendarTypes.Localized);
        return CultureInfo.ReadOnly(culture);
    }
}
