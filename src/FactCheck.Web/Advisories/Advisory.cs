namespace FactCheck;

public enum AdvisoryKind { FactCheck, Alert, Explainer }

public enum AdvisoryStatus { Draft, InReview, Scheduled, Published, Withdrawn }

public enum Severity { Low, Medium, High, Critical }

/// <summary>
/// Who makes the claim: a named person or organization (ClaimReview's claim author), or accounts nobody can
/// name on a platform — the usual case for a scam — which ClaimReview leaves without an author rather than
/// inventing an organization named with a sentence.
/// </summary>
public enum ClaimantKind { Person, Organization, PlatformAccounts }

/// <summary>One published piece in one language (docs/architecture.md, "Content model").</summary>
public class Advisory
{
    /// <summary>Stable identity: feed ids and CAP identifiers are built from it, so they survive slug edits.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    public AdvisoryKind Kind { get; set; }
    public string Language { get; set; } = SiteLanguage.Default.Code;
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>Markdown; rendered through <see cref="MarkdownRenderer"/>.</summary>
    public string Body { get; set; } = "";

    // The claim being checked (fact-check and alert kinds).
    public string? ClaimText { get; set; }
    /// <summary>The person's or organization's name; for <see cref="ClaimantKind.PlatformAccounts"/> the platform's.</summary>
    public string? Claimant { get; set; }
    /// <summary>Whether the claimant is a person, an organization or accounts on a platform; shown beside the name.</summary>
    public ClaimantKind? ClaimantKind { get; set; }
    public DateOnly? ClaimFirstSeen { get; set; }
    public List<string> ClaimAppearances { get; set; } = [];

    public int? RatingId { get; set; }
    public Rating? Rating { get; set; }
    public Severity? Severity { get; set; }

    /// <summary>Ordered "what to do" steps for readers.</summary>
    public List<string> Steps { get; set; } = [];

    public List<Platform> Platforms { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
    public List<Author> Authors { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];
    public List<Source> Sources { get; set; } = [];
    public List<Screenshot> Screenshots { get; set; } = [];
    public List<Correction> Corrections { get; set; } = [];

    /// <summary>Advisories that tell the same story in different languages share this key.</summary>
    public string? TranslationKey { get; set; }

    // A translation made with "Translate into…" (AdvisoryTranslation): which advisory it was translated
    // from, and the revision of that source it matches — where it was made, or last confirmed up to date.
    // Not content (not in AdvisoryContent): restoring an old revision of the translation does not move them.
    public Guid? TranslatedFromId { get; set; }
    public int? TranslatedFromRevision { get; set; }

    public AdvisoryStatus Status { get; set; } = AdvisoryStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ScheduledFor { get; set; }
    /// <summary>Optimistic concurrency: bumped on every save, so two editors saving the same version conflict.</summary>
    public int Version { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }

    public SiteLanguage SiteLanguage => SiteLanguage.Find(Language) ?? SiteLanguage.Default;
    public string Path => $"/{Language}/advisories/{Uri.EscapeDataString(Slug)}";
    public bool HasVerdict => Kind != AdvisoryKind.Explainer && Rating is not null;
}

public class Rating
{
    public int Id { get; set; }
    /// <summary>Stable key used in URLs, feeds and structured data (e.g. "scam").</summary>
    public string Key { get; set; } = "";
    public string LabelAr { get; set; } = "";
    public string LabelUk { get; set; } = "";
    public string LabelEn { get; set; } = "";
    /// <summary>Badge background as #rrggbb; text on it is white, so it must be dark enough for WCAG AA.</summary>
    public string Colour { get; set; } = "#555555";
    /// <summary>ClaimReview ratingValue; documented on the methodology page.</summary>
    public int Value { get; set; }
    public int Position { get; set; }
    /// <summary>What the verdict means, in words, per language: the methodology page shows it beside the label.</summary>
    public string DescriptionAr { get; set; } = "";
    public string DescriptionUk { get; set; } = "";
    public string DescriptionEn { get; set; } = "";

    public string Label(string language) => language switch
    {
        "ar" => LabelAr,
        "uk" => LabelUk,
        _ => LabelEn,
    };

    public string Description(string language) => language switch
    {
        "ar" => DescriptionAr,
        "uk" => DescriptionUk,
        _ => DescriptionEn,
    };
}

/// <summary>A messenger, service or brand a scam runs on or impersonates (a managed list).</summary>
public class Platform
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    /// <summary>The name in English, and in any language without a name of its own (brand names often are the same).</summary>
    public string Name { get; set; } = "";
    public string? NameAr { get; set; }
    public string? NameUk { get; set; }
    /// <summary>
    /// The name as readers also write it, one per line (واتساب, واتس اب, Ватсап): a search for any of them
    /// finds what the others find (<see cref="PlatformEquivalents"/>).
    /// </summary>
    public string Equivalents { get; set; } = "";
    public List<Advisory> Advisories { get; set; } = [];

    public IEnumerable<string> EquivalentNames =>
        Equivalents.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string NameIn(string language) => language switch
    {
        "ar" => NameAr ?? Name,
        "uk" => NameUk ?? Name,
        _ => Name,
    };
}

public class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<Advisory> Advisories { get; set; } = [];
}

public class Author
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<Advisory> Advisories { get; set; } = [];
}

public class Source
{
    public int Id { get; set; }
    public Guid AdvisoryId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public string? Publisher { get; set; }
    public DateOnly? AccessedOn { get; set; }
    public string? ArchiveUrl { get; set; }
}

public enum CorrectionKind { Correction, Update }

/// <summary>A dated public note; moves the advisory's updated date.</summary>
public class Correction
{
    public int Id { get; set; }
    public Guid AdvisoryId { get; set; }
    public Advisory? Advisory { get; set; }
    public CorrectionKind Kind { get; set; }
    public string Note { get; set; } = "";
    public DateTime PublishedAt { get; set; }
}
