namespace FactCheck;

/// <summary>Authorization policies for back-office controllers and actions.</summary>
public static class Can
{
    /// <summary>Any back-office role: write drafts, submit them, see the dashboard.</summary>
    public const string Write = "can-write";
    /// <summary>Editors and Admins: publish, schedule, correct, withdraw, delete, restore.</summary>
    public const string Publish = "can-publish";
    /// <summary>Editors and Admins: create and revoke preview links, which show unpublished work to people without an account.</summary>
    public const string Share = "can-share";
    /// <summary>Admins: users, roles, settings, audit log.</summary>
    public const string Administer = "can-administer";
}
