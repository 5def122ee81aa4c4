namespace FactCheck;

public sealed class NewUserPage : AdminPage
{
    public AccountForm Form { get; init; } = new();
    public string Role { get; init; } = EditorRoles.Contributor;
    public IReadOnlyList<string> Errors { get; init; } = [];
}
