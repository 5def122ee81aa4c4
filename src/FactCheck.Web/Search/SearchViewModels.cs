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

public sealed class SearchPage : PublicPage
{
    public required SearchForm Form { get; init; }
    /// <summary>A query was run (the reader typed something with at least one word in it).</summary>
    public required bool Searched { get; init; }
    /// <summary>Shown instead of results, e.g. when the input held no words.</summary>
    public string? Notice { get; init; }
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    public int Total { get; init; }
    public int Page { get; init; } = 1;
    public int TotalPages { get; init; } = 1;
    public required IReadOnlyList<Rating> Ratings { get; init; }
    public required IReadOnlyList<Platform> Platforms { get; init; }

    public string PagePath(int page) => Form.ToPath(Language, page);
}

public enum CheckOutcome
{
    /// <summary>Nothing typed yet: the form and the advice.</summary>
    Empty,
    /// <summary>The input is not a phone number, link, domain, e-mail address or handle.</summary>
    NotRecognized,
    /// <summary>Recognized, but no published advisory lists it.</summary>
    NotFound,
    Found,
}

/// <summary>What the check looked for, shown to the reader as we understood their input.</summary>
public sealed record CheckedIndicator(IndicatorType Type, string Display);

/// <summary>An advisory that lists the checked indicator.</summary>
public sealed record CheckMatch(
    string Title, string Path, SiteLanguage Language, AdvisoryKind Kind, Rating? Rating, DateTime PublishedAt, DateTime UpdatedAt,
    IndicatorType IndicatorType, string IndicatorDisplay)
{
    /// <summary>The same story in other languages: one card, in the reader's language where there is one.</summary>
    public IReadOnlyList<TranslationLink> AlsoIn { get; init; } = [];
}

public sealed class CheckPage : PublicPage
{
    /// <summary>Readers may paste a whole message; longer input is refused with a message.</summary>
    public const int MaxQueryLength = IndicatorNormalizer.MaxCheckInputLength;

    public required string Query { get; init; }
    public required CheckOutcome Outcome { get; init; }
    public IReadOnlyList<CheckedIndicator> LookedFor { get; init; } = [];
    public IReadOnlyList<CheckMatch> Matches { get; init; } = [];
}
