namespace FactCheck;

/// <summary>
/// What "Translate into…" makes of an advisory, field by field of <see cref="AdvisoryContent"/>. Every field is
/// carried over unless named here, so a field added to the content later reaches translations by itself
/// (TranslationTests checks this over the whole field list):
/// <list type="bullet">
/// <item>the texts written in the advisory's language start as the source's, to be written over, and the
/// editor shows the source's beside each (<see cref="Translated"/>);</item>
/// <item>the translation's own history and workflow start afresh (<see cref="NotCarried"/>): a new draft,
/// no corrections (the source's notes are dated events of the source's page, in its language).</item>
/// </list>
/// The verdict, severity, platforms, indicators, sources, claim dates, claimant, authors, kind and address
/// travel as they are; screenshots keep the stored image (no upload, the same redactions) with their alt text
/// and caption to translate.
/// </summary>
public static class AdvisoryTranslation
{
    /// <summary>Texts in the advisory's language: prefilled from the source, shown beside the input, checked before publishing.</summary>
    public static readonly IReadOnlyList<string> Translated =
    [
        nameof(AdvisoryContent.Title), nameof(AdvisoryContent.Summary), nameof(AdvisoryContent.Body),
        nameof(AdvisoryContent.ClaimText), nameof(AdvisoryContent.Steps), nameof(AdvisoryContent.Tags), nameof(AdvisoryContent.Screenshots),
    ];

    /// <summary>Fields a new translation does not take from its source.</summary>
    public static readonly IReadOnlyList<string> NotCarried =
    [
        nameof(AdvisoryContent.Language), nameof(AdvisoryContent.TranslationKey), nameof(AdvisoryContent.Corrections),
        nameof(AdvisoryContent.Status), nameof(AdvisoryContent.ScheduledFor), nameof(AdvisoryContent.WithdrawalReason),
    ];

    /// <summary>Changes of the source that do not make a translation out of date: its workflow, its group, its own address.</summary>
    public static readonly IReadOnlyList<string> IgnoredInSource =
    [
        nameof(AdvisoryContent.Status), nameof(AdvisoryContent.ScheduledFor), nameof(AdvisoryContent.WithdrawalReason),
        nameof(AdvisoryContent.TranslationKey), nameof(AdvisoryContent.Slug),
    ];

    /// <summary>The content of a new draft translating <paramref name="source"/> into <paramref name="language"/>, joining <paramref name="group"/>.</summary>
    public static AdvisoryContent Draft(AdvisoryContent source, string language, string group) => source with
    {
        Language = language,
        TranslationKey = group,
        Corrections = [],
        Status = AdvisoryStatus.Draft,
        ScheduledFor = null,
        WithdrawalReason = null,
    };

    /// <summary>The resource key of a field's label ("Admin.Field.Title"), as <see cref="AdvisoryContent.Fields"/> names it.</summary>
    public static string Label(string property) => "Admin.Field." + property;

    /// <summary>How the source changed since <paramref name="madeFrom"/>, in the fields a translation follows.</summary>
    public static IReadOnlyList<FieldDifference> ChangesSince(AdvisoryContent madeFrom, AdvisoryContent current, Func<string, string, string>? shown = null) =>
        TextDiff.Compare(madeFrom, current, shown).Where(d => !IgnoredInSource.Select(Label).Contains(d.Field)).ToList();

    /// <summary>
    /// The translated texts still word for word the source's (Title, Summary, Body): a translation is not
    /// published until they are written in its language (<see cref="AdvisoryWorkflow.PublishAsync"/>).
    /// </summary>
    public static IReadOnlyList<string> Untranslated(AdvisoryContent translation, AdvisoryContent source) =>
        new (string Field, string Mine, string Theirs)[]
        {
            (nameof(AdvisoryContent.Title), translation.Title, source.Title),
            (nameof(AdvisoryContent.Summary), translation.Summary, source.Summary),
            (nameof(AdvisoryContent.Body), translation.Body, source.Body),
        }.Where(f => f.Mine.Trim().Length > 0 && f.Mine.Trim() == f.Theirs.Trim()).Select(f => f.Field).ToList();
}
