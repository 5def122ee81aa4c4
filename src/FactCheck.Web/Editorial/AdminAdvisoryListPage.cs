namespace FactCheck;

public sealed class AdminAdvisoryListPage : AdminPage
{
    public required IReadOnlyList<AdvisoryListRow> Rows { get; init; }
    public required AdvisoryListQuery Filter { get; init; }
    /// <summary>/admin/review: advisories waiting for review, oldest first; the status is fixed.</summary>
    public bool IsReviewQueue { get; init; }
    public int Page { get; init; }
    public int TotalPages { get; init; }
    public int Total { get; init; }
    public required IReadOnlyList<Rating> Ratings { get; init; }
    public required IReadOnlyList<Platform> Platforms { get; init; }
    public required IReadOnlyList<DeskMember> Members { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    /// <summary>The action this list is (the review queue or every advisory), for links back to it.</summary>
    public string Action => IsReviewQueue ? "Review" : "List";
}
