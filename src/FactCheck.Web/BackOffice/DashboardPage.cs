namespace FactCheck;

public sealed class DashboardPage : AdminPage
{
    public required IReadOnlyList<AdvisoryRow> MyDrafts { get; init; }
    public required IReadOnlyList<AdvisoryRow> InReview { get; init; }
    public required IReadOnlyList<AdvisoryRow> Scheduled { get; init; }
    public required IReadOnlyList<AdvisoryRow> RecentlyPublished { get; init; }
    public required IReadOnlyList<CorrectionRow> RecentCorrections { get; init; }
    /// <summary>Advisories readers currently get as plain text because their body could not be rendered (BodyRendering).</summary>
    public IReadOnlyList<RenderProblem> RenderProblems { get; init; } = [];
}
