namespace FactCheck;

public enum AuditAction
{
    SignIn, SignInFailed, LockedOut, SignOut, SessionsEnded, TwoFactorFailed,
    PasswordChanged, TwoFactorEnabled, TwoFactorDisabled, RecoveryCodesReset,
    UserCreated, RolesChanged, UserDisabled, UserEnabled, SettingChanged,
    Create, Submit, Publish, Schedule, Unschedule, Withdraw, ReturnToDraft, Delete, Restore, Correction,
    PreviewLinkCreated, PreviewLinkRevoked,
    RatingCreated, RatingChanged, TransparencyPageChanged,
    ScreenshotAdded, ScreenshotEdited, ScreenshotMoved, ScreenshotRemoved, ScreenshotRedacted,
    Assigned, NoteAdded, PublishFailed, NotificationsChanged, WebhookCreated, WebhookChanged, WebhookDeleted,
    PlatformCreated, PlatformRenamed, PlatformMerged, TagRenamed, TagMerged,
    RegistryEntryCreated, RegistryEntryEdited, RegistryStatusAdded, RegistryStatusRemoved, OrganisationSaved,
    TipRedacted, TipDismissed, TipsDrafted, TipReplySent,
    TranslationCreated, TranslationUpToDate,
}

/// <summary>One line of the audit log: who did what, when, and from where.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>Null for anonymous events such as a failed sign-in with an unknown name.</summary>
    public string? UserId { get; set; }
    /// <summary>As it was at the time (or the name typed at a failed sign-in).</summary>
    public string? UserName { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>What it was done to, e.g. "advisory ar/telegram-code (id)" or "user x@example.org".</summary>
    public string? Target { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}

public enum RevisionReason { Create, Save, Restore, Conflict, Submit, Publish, Schedule, Unschedule, Withdraw, ReturnToDraft, Screenshots }

/// <summary>Every save of an advisory, with every field as it was then (see <see cref="AdvisoryContent"/>).</summary>
public class AdvisoryRevision
{
    public int Id { get; set; }
    public Guid AdvisoryId { get; set; }
    /// <summary>1, 2, 3… per advisory.</summary>
    public int Number { get; set; }
    public DateTime SavedAt { get; set; }
    public string? SavedById { get; set; }
    public string SavedByName { get; set; } = "";
    public RevisionReason Reason { get; set; }
    /// <summary>The public correction or update note saved with this revision, if any.</summary>
    public string? Note { get; set; }
    /// <summary>For <see cref="RevisionReason.Restore"/>: the revision whose content was restored.</summary>
    public int? RestoredFromNumber { get; set; }
    /// <summary>The advisory's fields as JSON (<see cref="AdvisoryContent"/>).</summary>
    public string Snapshot { get; set; } = "";
}

/// <summary>An unguessable, revocable link that shows a draft to someone without an account.</summary>
public class PreviewLink
{
    public int Id { get; set; }
    public Guid AdvisoryId { get; set; }
    /// <summary>32 random bytes, base64url: the whole secret is in the URL.</summary>
    public string Token { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
}

/// <summary>A site-wide setting an Admin changes in the back-office (e.g. "require two-factor").</summary>
public class BackOfficeSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
