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
