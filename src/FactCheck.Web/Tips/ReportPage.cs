namespace FactCheck;

public sealed class ReportPage : PublicPage
{
    public TipForm Form { get; init; } = new();
    public FormErrors Errors { get; init; } = new();
    public bool RepliesByMail { get; init; }
    public int RetentionDays { get; init; }
}
