namespace FactCheck;

public sealed class TransparencyPageEditPage : AdminPage
{
    public required TransparencyPage Page { get; init; }
    public required TransparencyPageForm Form { get; init; }
    public required IReadOnlyList<TransparencyPageRevision> Revisions { get; init; }
    public FormErrors Errors { get; init; } = new();
    /// <summary>Set when someone else saved first: the page as it is now, shown under the editor's own text.</summary>
    public TransparencyPage? Conflict { get; init; }
    /// <summary>Set when an earlier version was put into the form.</summary>
    public TransparencyPageRevision? Loaded { get; init; }
}
