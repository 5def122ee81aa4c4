using Microsoft.AspNetCore.Html;

namespace FactCheck;

/// <summary>Dates for people: localized month names, Gregorian calendar, wrapped in &lt;time datetime&gt;.</summary>
public static class HumanDates
{
    public static string Format(DateTime utc, SiteLanguage language) =>
        utc.ToString("d MMMM yyyy", language.Culture);

    public static string Format(DateOnly date, SiteLanguage language) =>
        date.ToString("d MMMM yyyy", language.Culture);

    public static IHtmlContent Time(DateTime utc, SiteLanguage language) =>
        new HtmlString($"<time datetime=\"{utc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)}\">{System.Net.WebUtility.HtmlEncode(Format(utc, language))}</time>");

    public static IHtmlContent Time(DateOnly date, SiteLanguage language) =>
        new HtmlString($"<time datetime=\"{date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}\">{System.Net.WebUtility.HtmlEncode(Format(date, language))}</time>");
}
