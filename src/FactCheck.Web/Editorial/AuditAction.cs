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
