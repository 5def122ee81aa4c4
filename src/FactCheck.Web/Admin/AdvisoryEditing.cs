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
/// Reads an <see cref="AdvisoryForm"/> into <see cref="AdvisoryContent"/> and checks it with the same rules
/// as the importer (<see cref="AdvisoryRules"/>, <see cref="AdvisoryWriter.CheckAsync"/>); nothing is
/// written unless the whole form is valid, and each problem is reported next to its input, in the UI language.
/// </summary>
public sealed class AdvisoryEditing(AppDbContext db, AdvisoryWriter writer, MarkdownRenderer markdown, IStringLocalizer<SharedResource> text)
{
    public async Task<EditorChoices> ChoicesAsync(Guid? currentId, string? currentKey)
    {
        var ratings = await db.Ratings.OrderBy(r => r.Position).ToListAsync();
        var platforms = await db.Platforms.OrderBy(p => p.Name).ToListAsync();
        var others = await db.Advisories.Where(a => a.Id != currentId)
            .OrderByDescending(a => a.UpdatedAt).Take(300)
            .Select(a => new { a.Id, a.TranslationKey, a.Language, a.Title }).ToListAsync();
        var translations = others
            .Select(a => new TranslationChoice(a.TranslationKey ?? AdvisoryWriter.NewGroupPrefix + a.Id.ToString("N"), a.Language, a.Title))
            .OrderBy(c => c.Language, StringComparer.Ordinal).ThenBy(c => c.Title, StringComparer.Ordinal).ToList();
        return new EditorChoices(ratings, platforms, translations);
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
