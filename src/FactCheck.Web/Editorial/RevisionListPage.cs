namespace FactCheck;

public sealed class RevisionListPage : AdminPage
{
    public required Guid AdvisoryId { get; init; }
    public required string AdvisoryTitle { get; init; }
    public required IReadOnlyList<RevisionRow> Revisions { get; init; }
}
