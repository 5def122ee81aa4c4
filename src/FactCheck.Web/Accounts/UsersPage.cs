namespace FactCheck;

public sealed class UsersPage : AdminPage
{
    public required IReadOnlyList<UserRow> Users { get; init; }
}
