namespace FactCheck;

public sealed class RevisionComparePage : AdminPage
{
    public required Guid AdvisoryId { get; init; }
    public required RevisionRow From { get; init; }
    public required RevisionRow To { get; init; }
    public required IReadOnlyList<FieldDifference> Differences { get; init; }
}
