namespace FactCheck;

/// <summary>"Publish / withdraw / delete this advisory?" — what the button did, and the button that does it.</summary>
public sealed class ConfirmPage : AdminPage
{
    public required Guid AdvisoryId { get; init; }
    /// <summary>"publish", "withdraw" or "delete": the last segment of the address the confirmed form posts to.</summary>
    public required string Action { get; init; }
    public required int Version { get; init; }
    public required string Question { get; init; }
    public required string Button { get; init; }
    /// <summary>For publishing: the address readers will find it at.</summary>
    public string? PublicPath { get; init; }
    /// <summary>For withdrawing: the reason typed in the editor, to check or change here.</summary>
    public string? Reason { get; init; }
}
