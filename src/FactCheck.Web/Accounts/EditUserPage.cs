namespace FactCheck;

public sealed class EditUserPage : AdminPage
{
    public required EditorUser Account { get; init; }
    public required string? Role { get; init; }
    public required bool IsSelf { get; init; }
    /// <summary>The browsers signed in to this account now (EditorSessions).</summary>
    public required IReadOnlyList<EditorSession> Sessions { get; init; }
    /// <summary>The session of the Admin looking at the page, if it is one of those.</summary>
    public string? CurrentSession { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
}
