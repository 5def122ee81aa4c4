using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// Reads an <see cref="AdvisoryForm"/> into <see cref="AdvisoryContent"/> and checks it with the same rules
/// as the importer (<see cref="AdvisoryRules"/>, <see cref="AdvisoryWriter.CheckAsync"/>); nothing is
/// written unless the whole form is valid, and each problem is reported next to its input, in the UI language.
/// </summary>
public sealed class AdvisoryEditing(AppDbContext db, AdvisoryWriter writer, MarkdownRenderer markdown, IStringLocalizer<SharedResource> text)
{
    /// <summary>Advisories the translation picker shows for one search (as you type, or with its button).</summary>
    public const int TranslationMatches = 15;

    /// <param name="translationOf">The form's current link: shown as the advisories of that story.</param>
    /// <param name="search">What was typed in the picker's search box (no JavaScript: its Find button), or null.</param>
    public async Task<EditorChoices> ChoicesAsync(Guid? currentId, string? translationOf, string? search, string? language)
    {
        var ratings = await db.Ratings.OrderBy(r => r.Position).ToListAsync();
        var platforms = await db.Platforms.OrderBy(p => p.Name).ToListAsync();
        var translations = new List<TranslationChoice>();
        if (!string.IsNullOrWhiteSpace(translationOf)) translations.AddRange(await StoryAsync(translationOf.Trim(), currentId));
        if (search is not null) translations.AddRange((await FindTranslationsAsync(search, currentId, language)).Where(c => !translations.Contains(c)));
        return new EditorChoices(ratings, platforms, translations);
    }

    /// <summary>
    /// Advisories to link as "the same story in another language": titles or addresses containing what was typed
    /// (as typed, lower case, or with a capital first letter — titles are compared as stored on both databases),
    /// or the one whose id or back-office address was pasted; in other languages than <paramref name="language"/>,
    /// most recently changed first. Nothing typed: the most recently changed ones.
    /// </summary>
    public async Task<IReadOnlyList<TranslationChoice>> FindTranslationsAsync(string? search, Guid? currentId, string? language)
    {
        var query = db.Advisories.Where(a => a.Id != currentId);
        if (SiteLanguage.Find(language) is { } own) query = query.Where(a => a.Language != own.Code);
        var term = search?.Trim() ?? "";
        // A control character cannot be in a title or address; PostgreSQL also refuses NUL in a parameter.
        if (term.Length > 200 || term.Any(char.IsControl)) return [];
        if (System.Text.RegularExpressions.Regex.Match(term, "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}") is { Success: true } pasted)
        {
            var id = Guid.Parse(pasted.Value);
            query = query.Where(a => a.Id == id);
        }
        else if (term.Length > 0)
        {
            var lower = term.ToLowerInvariant();
            var upper = term.ToUpperInvariant();
            var capital = char.ToUpperInvariant(lower[0]) + lower[1..];
            query = query.Where(a => a.Title.Contains(term) || a.Title.Contains(lower) || a.Title.Contains(capital) || a.Title.Contains(upper) || a.Slug.Contains(lower));
        }
        var found = await query.OrderByDescending(a => a.UpdatedAt).Take(TranslationMatches)
            .Select(a => new { a.Id, a.TranslationKey, a.Language, a.Title }).ToListAsync();
        return found.Select(a => new TranslationChoice(a.TranslationKey ?? AdvisoryWriter.NewGroupPrefix + a.Id.ToString("N"), a.Language, a.Title)).ToList();
    }

    /// <summary>The advisories a translation link stands for: another advisory ("advisory:id"), or the members of a story.</summary>
    private async Task<List<TranslationChoice>> StoryAsync(string value, Guid? currentId)
    {
        var members = value.StartsWith(AdvisoryWriter.NewGroupPrefix, StringComparison.Ordinal) && Guid.TryParseExact(value[AdvisoryWriter.NewGroupPrefix.Length..], "N", out var otherId)
            ? db.Advisories.Where(a => a.Id == otherId)
            : db.Advisories.Where(a => a.TranslationKey == value && a.Id != currentId);
        var found = await members.OrderBy(a => a.Language).Select(a => new { a.Language, a.Title }).ToListAsync();
        // A story whose other advisories are gone still shows as what it is, so saving keeps it.
        return found.Count == 0 ? [new TranslationChoice(value, "", value)] : found.Select(a => new TranslationChoice(value, a.Language, a.Title)).ToList();
    }

    /// <summary>The content the form makes of <paramref name="current"/> (the stored advisory, or a new one), and what is wrong with it.</summary>
    public async Task<(AdvisoryContent Content, FormErrors Errors)> ReadAsync(Guid? id, AdvisoryForm form, AdvisoryContent current, bool isPublished)
    {
        var (content, problems) = form.ToContent(current);
        problems.AddRange(await writer.CheckAsync(id, content, slugTyped: !string.IsNullOrWhiteSpace(form.Slug), ContentOrigin.Editor));
        if (!problems.Any(p => p.Field == nameof(content.Body)) && RenderProblem(content) is { } refused) problems.Add(refused);
        var errors = new FormErrors();
        foreach (var problem in problems)
            errors.Add(problem.Field == nameof(AdvisoryContent.TranslationKey) ? nameof(form.TranslationOf) : problem.Field, Message(problem));

        if (isPublished)
        {
            switch (form.ChangeKind)
            {
                case "minor":
                    break;
                case "correction" or "update":
                    var note = form.CorrectionNote?.Trim() ?? "";
                    if (note.Length == 0) errors.Add(nameof(form.CorrectionNote), text["Admin.Editor.Error.Required"]);
                    else if (note.Length > AdvisoryRules.NoteMax) errors.Add(nameof(form.CorrectionNote), Message(new("", "Admin.Editor.Error.TooLong", AdvisoryRules.NoteMax)));
                    else if (AdvisoryRules.HasControl(note, multiline: true)) errors.Add(nameof(form.CorrectionNote), text["Admin.Editor.Error.Control"]);
                    break;
                default:
                    errors.Add(nameof(form.ChangeKind), text["Admin.Editor.Error.ChangeKind"]);
                    break;
            }
        }
        return (content, errors);
    }

    /// <summary>
    /// A body the Markdown pipeline refuses (elements nested hundreds deep, more than <see cref="MarkdownRenderer.MaxBlocks"/>
    /// blocks) is refused on save, with the editor's text kept: published, readers would see it as plain text
    /// (<see cref="BodyRendering"/>). Content files are not refused for it: they import, and the dashboard lists them.
    /// </summary>
    private ContentProblem? RenderProblem(AdvisoryContent content)
    {
        try
        {
            markdown.Render(content.Body, (SiteLanguage.Find(content.Language) ?? SiteLanguage.Default).Direction);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return new ContentProblem(nameof(content.Body), "Admin.Editor.Error.Render", e.Message);
        }
    }

    /// <summary>A problem's message in the UI language; arguments that are resource keys ("Indicator.Phone") are translated too.</summary>
    public string Message(ContentProblem problem) =>
        string.Format(CultureInfo.CurrentCulture, text[problem.Message],
            problem.Arguments.Select(a => a is string key && !text[key].ResourceNotFound ? text[key].Value : a).ToArray());
}
