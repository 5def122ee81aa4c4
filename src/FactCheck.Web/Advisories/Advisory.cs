namespace FactCheck;

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
