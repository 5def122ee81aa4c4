using Microsoft.AspNetCore.Identity;

namespace FactCheck;

/// <summary>A back-office account. The user name is the e-mail address.</summary>
public class EditorUser : IdentityUser
{
    /// <summary>How the person is shown in revisions, the audit log and the dashboard.</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>A disabled account cannot sign in, and its sessions end at their next request.</summary>
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// The last TOTP time step accepted for this user. A code is accepted only for a later step, so a
    /// code seen over a shoulder or replayed within its 90-second window is refused (docs/security.md).
    /// </summary>
    public long? LastTotpStep { get; set; }
    /// <summary>The time zone this person last scheduled in: offered first, and scheduled times shown in it.</summary>
    public string? ScheduleTimeZone { get; set; }
}

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
