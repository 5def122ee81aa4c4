using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// Confirmations after a redirect travel as ?done=published rather than in TempData, whose cookie
/// would be scoped to "/" and reach public pages.
/// </summary>
public static class Notices
{
    private static readonly HashSet<string> known =
    [
        "saved", "created", "submitted", "published", "scheduled", "unscheduled", "withdrawn", "returned", "deleted",
        "restored", "corrected", "link-created", "link-revoked", "password-changed", "two-factor-enabled",
        "two-factor-disabled", "recovery-codes", "user-created", "user-saved", "settings-saved", "rating-saved", "page-saved",
        "screenshot-added", "screenshot-redacted", "screenshot-saved", "screenshot-moved", "screenshot-removed", "sessions-ended",
        "note-added", "assigned", "notifications-saved", "webhook-saved", "webhook-deleted", "delivery-retried",
        "platform-saved", "tag-saved", "merged",
        "registry-saved", "organisation-saved", "tip-redacted", "tip-dismissed",
        "translated", "translation-up-to-date", "screenshot-reused", "autosave-discarded",
    ];

    public static string? Text(string? done, IStringLocalizer<SharedResource> text) =>
        done is not null && known.Contains(done) ? text[$"Admin.Done.{done}"].Value : null;
}
