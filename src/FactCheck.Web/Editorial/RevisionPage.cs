namespace FactCheck;

public sealed class RevisionPage : AdminPage
{
    public required Guid AdvisoryId { get; init; }
    public required RevisionRow Revision { get; init; }
    public required AdvisoryContent Snapshot { get; init; }
    /// <summary>The snapshot's fields as editors read them (verdict labels, not keys).</summary>
    public required IReadOnlyList<(string Field, string Value)> Fields { get; init; }
    public required bool CanRestore { get; init; }
    /// <summary>Restoring over a published advisory asks, like any edit of it, whether this is a correction.</summary>
    public required bool AdvisoryIsPublished { get; init; }
    public required int CurrentVersion { get; init; }
    public FormErrors Errors { get; init; } = new();
    public string? ChangeKind { get; init; }
    public string? CorrectionNote { get; init; }
}
