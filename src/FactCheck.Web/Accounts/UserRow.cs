namespace FactCheck;

public sealed record UserRow(EditorUser User, string? Role);
