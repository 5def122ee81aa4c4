namespace FactCheck;

/// <summary>The three back-office roles (docs/security.md, "Authorization").</summary>
public static class EditorRoles
{
    /// <summary>Also manages users, roles and settings.</summary>
    public const string Admin = "Admin";
    /// <summary>Publishes, schedules, corrects and withdraws.</summary>
    public const string Editor = "Editor";
    /// <summary>Writes drafts and submits them for review.</summary>
    public const string Contributor = "Contributor";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Contributor];
}
