namespace FactCheck;

/// <summary>The editor's desk panel: who the advisory is assigned to, and its notes (<see cref="DeskPanelViewComponent"/>).</summary>
public sealed class DeskPanel
{
    public required Guid AdvisoryId { get; init; }
    public required string ContentLanguage { get; init; }
    public DeskMember? Assignee { get; init; }
    public required IReadOnlyList<DeskMember> Members { get; init; }
    public required IReadOnlyList<AdvisoryNote> Notes { get; init; }
    public required string CurrentUserId { get; init; }
}
