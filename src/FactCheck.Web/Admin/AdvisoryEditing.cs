using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>Validation messages keyed by the name of the input they belong to ("Title", "Indicators[2].Value").</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> byField = new(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, string> ByField => byField;
    public bool Any => byField.Count > 0;
    public string? For(string field) => byField.GetValueOrDefault(field);
    public void Add(string field, string message) => byField.TryAdd(field, message);
}

public sealed record TranslationChoice(string Value, string Language, string Title);

/// <summary>What the editor's selects offer: the rating scale, the platform list, advisories to link as translations.</summary>
public sealed record EditorChoices(IReadOnlyList<Rating> Ratings, IReadOnlyList<Platform> Platforms, IReadOnlyList<TranslationChoice> Translations);

/// <summary>
/// Checks an <see cref="AdvisoryForm"/> and copies it onto an <see cref="Advisory"/>. Nothing is written
/// unless the whole form is valid; each problem is reported next to its input, in the UI language.
/// Indicators are normalized with <see cref="IndicatorNormalizer.Normalize"/>, the same as search uses.
/// </summary>
public sealed class AdvisoryEditing(AppDbContext db, IStringLocalizer<SharedResource> text)
{
    public const int MaxBodyLength = 200_000;
    private const string NewGroupPrefix = "advisory:";

    public async Task<EditorChoices> ChoicesAsync(Guid? currentId, string? currentKey)
    {
        var ratings = await db.Ratings.OrderBy(r => r.Position).ToListAsync();
        var platforms = await db.Platforms.OrderBy(p => p.Name).ToListAsync();
        var others = await db.Advisories.Where(a => a.Id != currentId)
            .OrderByDescending(a => a.UpdatedAt).Take(300)
            .Select(a => new { a.Id, a.TranslationKey, a.Language, a.Title }).ToListAsync();
        var translations = others
            .Select(a => new TranslationChoice(a.TranslationKey ?? NewGroupPrefix + a.Id.ToString("N"), a.Language, a.Title))
            .OrderBy(c => c.Language, StringComparer.Ordinal).ThenBy(c => c.Title, StringComparer.Ordinal).ToList();
        return new EditorChoices(ratings, platforms, translations);
    }

    public async Task<FormErrors> ValidateAsync(Guid? id, AdvisoryForm form, bool isPublished)
    {
        var errors = new FormErrors();
        if (!Enum.TryParse<AdvisoryKind>(form.Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(form.Kind, out _))
            errors.Add(nameof(form.Kind), text["Admin.Editor.Error.Kind"]);
        var language = SiteLanguage.Find(form.Language);
        if (language is null || form.Language != language.Code) errors.Add(nameof(form.Language), text["Admin.Editor.Error.Language"]);

        Text(errors, nameof(form.Title), form.Title, 300, required: true, multiline: false);
        Text(errors, nameof(form.Summary), form.Summary, 1000, required: true, multiline: true);
        Text(errors, nameof(form.Body), form.Body, MaxBodyLength, required: false, multiline: true);
        Text(errors, nameof(form.ClaimText), form.ClaimText, 1000, required: false, multiline: true);
        Text(errors, nameof(form.Claimant), form.Claimant, 300, required: false, multiline: false);
        Date(errors, nameof(form.ClaimFirstSeen), form.ClaimFirstSeen);
        foreach (var url in AdvisoryForm.Lines(form.ClaimAppearances))
            if (!IsWebUrl(url, 2000)) { errors.Add(nameof(form.ClaimAppearances), text["Admin.Editor.Error.Url"]); break; }

        var slug = string.IsNullOrWhiteSpace(form.Slug) ? SlugRules.FromTitle(form.Title ?? "") : form.Slug.Trim();
        if (!string.IsNullOrWhiteSpace(form.Slug) || !string.IsNullOrWhiteSpace(form.Title))
        {
            if (SlugRules.Problem(slug) is not null)
                errors.Add(nameof(form.Slug), text[string.IsNullOrWhiteSpace(form.Slug) ? "Admin.Editor.Error.SlugFromTitle" : "Admin.Editor.Error.Slug"]);
            else if (!string.IsNullOrWhiteSpace(form.Slug) && language is not null &&
                     await db.Advisories.AnyAsync(a => a.Language == language.Code && a.Slug == slug && a.Id != id))
                errors.Add(nameof(form.Slug), text["Admin.Editor.Error.SlugTaken"]);
        }

        if (!string.IsNullOrWhiteSpace(form.Rating) && !await db.Ratings.AnyAsync(r => r.Key == form.Rating))
            errors.Add(nameof(form.Rating), text["Admin.Editor.Error.Choice"]);
        if (!string.IsNullOrWhiteSpace(form.Severity) && (!Enum.TryParse<Severity>(form.Severity, out var severity) || !Enum.IsDefined(severity)))
            errors.Add(nameof(form.Severity), text["Admin.Editor.Error.Choice"]);

        var steps = AdvisoryForm.Lines(form.Steps);
        if (steps.Count > 30 || steps.Any(s => s.Length > 500 || HasControl(s, multiline: false)))
            errors.Add(nameof(form.Steps), text["Admin.Editor.Error.Steps"]);
        var platformKeys = form.Platforms.Distinct(StringComparer.Ordinal).ToList();
        if (platformKeys.Count > 0 && await db.Platforms.CountAsync(p => platformKeys.Contains(p.Key)) != platformKeys.Count)
            errors.Add(nameof(form.Platforms), text["Admin.Editor.Error.Choice"]);
        ListOfNames(errors, nameof(form.Tags), form.Tags, 100);
        ListOfNames(errors, nameof(form.Authors), form.Authors, 200);

        foreach (var (index, row) in form.KeptIndicators)
        {
            var field = $"Indicators[{index}]";
            if (!Enum.TryParse<IndicatorType>(row.Type, out var type) || !Enum.IsDefined(type))
            {
                errors.Add(field + ".Type", text["Admin.Editor.Error.Choice"]);
                continue;
            }
            var raw = row.Value?.Trim() ?? "";
            if (raw.Length == 0 || raw.Length > 500 || HasControl(raw, multiline: false))
                errors.Add(field + ".Value", text["Admin.Editor.Error.Indicator"]);
            else if (!IndicatorNormalizer.Normalize(type, raw, Blank(row.Country)?.ToUpperInvariant()).IsValid)
                errors.Add(field + ".Value", string.Format(CultureInfo.CurrentCulture, text["Admin.Editor.Error.IndicatorInvalid"], text[$"Indicator.{type}"]));
            if (Blank(row.Country) is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
                errors.Add(field + ".Country", text["Admin.Editor.Error.Country"]);
            Date(errors, field + ".FirstSeen", row.FirstSeen);
            Date(errors, field + ".LastSeen", row.LastSeen);
        }
        if (form.KeptIndicators.Count() > 200) errors.Add("Indicators", text["Admin.Editor.Error.TooMany"]);

        foreach (var (index, row) in form.KeptSources)
        {
            var field = $"Sources[{index}]";
            Text(errors, field + ".Title", row.Title, 500, required: true, multiline: false);
            if (!IsWebUrl(row.Url?.Trim(), 2000)) errors.Add(field + ".Url", text["Admin.Editor.Error.Url"]);
            Text(errors, field + ".Publisher", row.Publisher, 200, required: false, multiline: false);
            Date(errors, field + ".AccessedOn", row.AccessedOn);
            if (Blank(row.ArchiveUrl) is { } archive && !IsWebUrl(archive, 2000)) errors.Add(field + ".ArchiveUrl", text["Admin.Editor.Error.Url"]);
        }
        if (form.KeptSources.Count() > 100) errors.Add("Sources", text["Admin.Editor.Error.TooMany"]);

        if (Blank(form.TranslationOf) is { } group && language is not null)
        {
            var members = await GroupMembersAsync(group, id);
            if (members is null) errors.Add(nameof(form.TranslationOf), text["Admin.Editor.Error.Choice"]);
            else if (members.Contains(language.Code)) errors.Add(nameof(form.TranslationOf), text["Admin.Editor.Error.TranslationLanguage"]);
        }

        if (isPublished)
        {
            switch (form.ChangeKind)
            {
                case "minor":
                    break;
                case "correction" or "update":
                    Text(errors, nameof(form.CorrectionNote), form.CorrectionNote, 4000, required: true, multiline: true);
                    break;
                default:
                    errors.Add(nameof(form.ChangeKind), text["Admin.Editor.Error.ChangeKind"]);
                    break;
            }
        }
        return errors;
    }

    /// <summary>Copies a validated form onto the advisory (tags and authors are created as needed).</summary>
    public async Task ApplyAsync(Advisory advisory, AdvisoryForm form)
    {
        advisory.Kind = Enum.Parse<AdvisoryKind>(form.Kind!);
        advisory.Language = form.Language!;
        advisory.Title = form.Title!.Trim();
        advisory.Summary = form.Summary!.Trim();
        advisory.Body = Newlines(form.Body ?? "");
        advisory.Slug = string.IsNullOrWhiteSpace(form.Slug)
            ? await FreeSlugAsync(SlugRules.FromTitle(advisory.Title), advisory.Language, advisory.Id)
            : form.Slug.Trim();
        advisory.ClaimText = Blank(form.ClaimText);
        advisory.Claimant = Blank(form.Claimant);
        advisory.ClaimFirstSeen = ParseDate(form.ClaimFirstSeen);
        advisory.ClaimAppearances = AdvisoryForm.Lines(form.ClaimAppearances);
        // Set the navigation, not only the key: the advisory may have been loaded with its rating, and EF's
        // fix-up would null a changed key to match a stale navigation (a second save lost the verdict that way).
        advisory.Rating = Blank(form.Rating) is { } key ? await db.Ratings.SingleAsync(r => r.Key == key) : null;
        advisory.RatingId = advisory.Rating?.Id;
        advisory.Severity = Blank(form.Severity) is { } severity ? Enum.Parse<Severity>(severity) : null;
        advisory.Steps = AdvisoryForm.Lines(form.Steps);

        var platformKeys = form.Platforms.Distinct(StringComparer.Ordinal).ToList();
        advisory.Platforms = await db.Platforms.Where(p => platformKeys.Contains(p.Key)).ToListAsync();
        advisory.Tags = await NamedAsync(db.Tags, AdvisoryForm.CommaList(form.Tags), name => new Tag { Name = name }, t => t.Name);
        advisory.Authors = await NamedAsync(db.Authors, AdvisoryForm.CommaList(form.Authors), name => new Author { Name = name }, a => a.Name);

        advisory.Indicators.Clear();
        foreach (var (_, row) in form.KeptIndicators)
        {
            var type = Enum.Parse<IndicatorType>(row.Type!);
            var country = Blank(row.Country)?.ToUpperInvariant();
            var raw = row.Value!.Trim();
            advisory.Indicators.Add(new Indicator
            {
                Type = type, Raw = raw, Country = country,
                Normalized = IndicatorNormalizer.Normalize(type, raw, country).Value!,
                FirstSeen = ParseDate(row.FirstSeen), LastSeen = ParseDate(row.LastSeen),
            });
        }
        advisory.Sources.Clear();
        var position = 0;
        foreach (var (_, row) in form.KeptSources)
            advisory.Sources.Add(new Source
            {
                Position = ++position, Title = row.Title!.Trim(), Url = row.Url!.Trim(), Publisher = Blank(row.Publisher),
                AccessedOn = ParseDate(row.AccessedOn), ArchiveUrl = Blank(row.ArchiveUrl),
            });

        advisory.TranslationKey = await JoinGroupAsync(Blank(form.TranslationOf));
    }

    /// <summary>A best-effort snapshot of an unsaved form (for the conflict page), whatever state it is in.</summary>
    public static AdvisorySnapshot SnapshotOf(AdvisoryForm form) => new()
    {
        Kind = Enum.TryParse<AdvisoryKind>(form.Kind, out var kind) ? kind : AdvisoryKind.FactCheck,
        Language = form.Language ?? "",
        Slug = form.Slug?.Trim() ?? "",
        Title = form.Title?.Trim() ?? "",
        Summary = form.Summary?.Trim() ?? "",
        Body = Newlines(form.Body ?? ""),
        ClaimText = Blank(form.ClaimText),
        Claimant = Blank(form.Claimant),
        ClaimFirstSeen = ParseDate(form.ClaimFirstSeen),
        ClaimAppearances = AdvisoryForm.Lines(form.ClaimAppearances),
        Rating = Blank(form.Rating),
        Severity = Enum.TryParse<Severity>(form.Severity, out var severity) ? severity : null,
        Steps = AdvisoryForm.Lines(form.Steps),
        Platforms = form.Platforms.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        Tags = AdvisoryForm.CommaList(form.Tags).Order(StringComparer.Ordinal).ToList(),
        Authors = AdvisoryForm.CommaList(form.Authors).Order(StringComparer.Ordinal).ToList(),
        Indicators = form.KeptIndicators.Select(r => new AdvisorySnapshot.IndicatorEntry(
            Enum.TryParse<IndicatorType>(r.Row.Type, out var type) ? type : IndicatorType.Url, r.Row.Value?.Trim() ?? "", "",
            Blank(r.Row.Country), ParseDate(r.Row.FirstSeen), ParseDate(r.Row.LastSeen))).ToList(),
        Sources = form.KeptSources.Select(r => new AdvisorySnapshot.SourceEntry(
            r.Row.Title?.Trim() ?? "", r.Row.Url?.Trim() ?? "", Blank(r.Row.Publisher), ParseDate(r.Row.AccessedOn), Blank(r.Row.ArchiveUrl))).ToList(),
        TranslationKey = Blank(form.TranslationOf),
    };

    /// <summary>The languages already in a translation group, or null when the group does not exist.</summary>
    private async Task<List<string>?> GroupMembersAsync(string group, Guid? id)
    {
        if (group.StartsWith(NewGroupPrefix, StringComparison.Ordinal))
        {
            if (!Guid.TryParseExact(group[NewGroupPrefix.Length..], "N", out var otherId)) return null;
            var other = await db.Advisories.Where(a => a.Id == otherId && a.Id != id).Select(a => new { a.Language, a.TranslationKey }).FirstOrDefaultAsync();
            if (other is null) return null;
            return other.TranslationKey is null ? [other.Language] : await GroupMembersAsync(other.TranslationKey, id);
        }
        var languages = await db.Advisories.Where(a => a.TranslationKey == group && a.Id != id).Select(a => a.Language).ToListAsync();
        // A group of one (this advisory alone) is still its own group.
        return languages.Count > 0 || (id is not null && await db.Advisories.AnyAsync(a => a.Id == id && a.TranslationKey == group)) ? languages : null;
    }

    /// <summary>The translation key to store: an existing group's, or a new one shared with the chosen advisory.</summary>
    private async Task<string?> JoinGroupAsync(string? group)
    {
        if (group is null || !group.StartsWith(NewGroupPrefix, StringComparison.Ordinal)) return group;
        var otherId = Guid.ParseExact(group[NewGroupPrefix.Length..], "N");
        var other = await db.Advisories.SingleAsync(a => a.Id == otherId);
        if (other.TranslationKey is null)
        {
            other.TranslationKey = other.Id.ToString("N");
            other.Version++;
        }
        return other.TranslationKey;
    }

    private async Task<string> FreeSlugAsync(string slug, string language, Guid id)
    {
        var candidate = slug;
        for (var n = 2; await db.Advisories.AnyAsync(a => a.Language == language && a.Slug == candidate && a.Id != id); n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            candidate = slug[..Math.Min(slug.Length, SlugRules.MaxLength - suffix.Length)].TrimEnd('-') + suffix;
        }
        return candidate;
    }

    private static async Task<List<T>> NamedAsync<T>(DbSet<T> set, List<string> names, Func<string, T> create, Func<T, string> nameOf) where T : class
    {
        if (names.Count == 0) return [];
        var existing = await set.Where(e => names.Contains(EF.Property<string>(e, "Name"))).ToListAsync();
        foreach (var name in names.Where(n => !existing.Any(e => nameOf(e) == n)))
        {
            var created = create(name);
            set.Add(created);
            existing.Add(created);
        }
        return existing;
    }

    private void Text(FormErrors errors, string field, string? value, int max, bool required, bool multiline)
    {
        var trimmed = value?.Trim() ?? "";
        if (required && trimmed.Length == 0) errors.Add(field, text["Admin.Editor.Error.Required"]);
        else if (trimmed.Length > max) errors.Add(field, string.Format(CultureInfo.CurrentCulture, text["Admin.Editor.Error.TooLong"], max));
        else if (HasControl(trimmed, multiline)) errors.Add(field, text["Admin.Editor.Error.Control"]);
    }

    private void Date(FormErrors errors, string field, string? value)
    {
        if (Blank(value) is not null && ParseDate(value) is null) errors.Add(field, text["Admin.Editor.Error.Date"]);
    }

    private void ListOfNames(FormErrors errors, string field, string? value, int max)
    {
        var names = AdvisoryForm.CommaList(value);
        if (names.Count > 30 || names.Any(n => n.Length > max || HasControl(n, multiline: false)))
            errors.Add(field, text["Admin.Editor.Error.Names"]);
    }

    private static bool IsWebUrl(string? value, int max) =>
        value is { Length: > 0 } && value.Length <= max && !HasControl(value, multiline: false) &&
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Control characters (NUL, escape…), noncharacters and lone surrogates have no business in an advisory (SafeText); tabs and newlines are fine where lines are.</summary>
    private static bool HasControl(string value, bool multiline) => SafeText.HasUnsafe(value, allowLineBreaks: multiline);

    internal static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Browsers post textarea lines with CRLF; stored text uses LF.</summary>
    private static string Newlines(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
