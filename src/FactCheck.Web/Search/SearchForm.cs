using System.Globalization;

namespace FactCheck;

/// <summary>The filters of /{lang}/search as they appear in its URL.</summary>
public sealed record SearchForm(string Query, string? Verdict, string? Platform, string? Kind, bool AllLanguages)
{
    /// <summary>URL values of the kind filter, as in content files.</summary>
    public static readonly IReadOnlyList<(string Key, AdvisoryKind Kind)> Kinds =
        [("fact-check", AdvisoryKind.FactCheck), ("alert", AdvisoryKind.Alert), ("explainer", AdvisoryKind.Explainer)];

    public static AdvisoryKind? KindOf(string? key) =>
        Kinds.Where(k => k.Key == key).Select(k => (AdvisoryKind?)k.Kind).FirstOrDefault();

    public string ToPath(SiteLanguage language, int page = 1)
    {
        var query = new List<string> { "q=" + Uri.EscapeDataString(Query) };
        if (Verdict is not null) query.Add("verdict=" + Uri.EscapeDataString(Verdict));
        if (Platform is not null) query.Add("platform=" + Uri.EscapeDataString(Platform));
        if (Kind is not null) query.Add("kind=" + Uri.EscapeDataString(Kind));
        if (AllLanguages) query.Add("all=1");
        if (page > 1) query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return $"/{language.Code}/search?" + string.Join('&', query);
    }
}
