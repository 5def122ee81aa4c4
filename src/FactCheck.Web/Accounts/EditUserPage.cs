namespace FactCheck;

public sealed class EditUserPage : AdminPage
{
    public required EditorUser Account { get; init; }
    public required string? Role { get; init; }
    public required bool IsSelf { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
}
