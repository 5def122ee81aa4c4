using System.Globalization;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FactCheck;

/// <summary>
/// "Tell me when you publish": when the advisory made from a tip is published, its readers who asked are due
/// a reply (marked in the publishing transaction, <see cref="PublishingEvents"/>), and <see cref="SendDueAsync"/>
/// e-mails them over SMTP with MailKit — a reply that fails stays due and is tried again next round.
/// </summary>
public sealed class TipReplies(AppDbContext db, IOptions<MailOptions> mail, IOptions<SiteOptions> site, AuditLog audit,
    IStringLocalizer<SharedResource> text, TimeProvider clock, ILogger<TipReplies> logger)
{
    public async Task AdvisoryChangedAsync(Advisory advisory, CancellationToken cancellationToken = default)
    {
        if (advisory.Status != AdvisoryStatus.Published) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Tips.Where(t => t.AdvisoryId == advisory.Id && t.WantsReply && t.Contact != null && t.ReplyDueAt == null && t.ReplySentAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ReplyDueAt, now), cancellationToken);
    }

    /// <summary>Sends every due reply; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var options = mail.Value;
        if (!options.Enabled) return 0;
        var due = await db.Tips.Where(t => t.ReplyDueAt != null && t.ReplySentAt == null && t.AdvisoryId != null).OrderBy(t => t.ReplyDueAt)
            .Take(50).ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;
        var ids = due.Select(t => t.AdvisoryId!.Value).Distinct().ToList();
        var advisories = await db.PublishedAdvisories.Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Language, a.Slug }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var baseUrl = site.Value.PublicUrl?.TrimEnd('/') ?? "";

        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host!, options.Port, options.Security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName)) await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        var sent = 0;
        foreach (var tip in due)
        {
            if (!advisories.TryGetValue(tip.AdvisoryId!.Value, out var advisory)) continue; // withdrawn meanwhile: no reply
            var language = SiteLanguage.Find(tip.Language) ?? SiteLanguage.Default;
            var url = $"{baseUrl}/{advisory.Language}/advisories/{Uri.EscapeDataString(advisory.Slug)}";
            try
            {
                await client.SendAsync(Message(options, tip.Contact!, language, advisory.Title, url), cancellationToken);
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
            {
                logger.LogWarning("A reply to a tip could not be sent: {Message}", e.Message);
                continue;
            }
            tip.ReplySentAt = clock.GetUtcNow().UtcDateTime;
            audit.Add(AuditAction.TipReplySent, $"tip {tip.Id}", advisory.Title, actorName: "tip replies");
            await db.SaveChangesAsync(cancellationToken);
            sent++;
        }
        await client.DisconnectAsync(quit: true, cancellationToken);
        return sent;
    }

    private MimeMessage Message(MailOptions options, string to, SiteLanguage language, string title, string url)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(options.From!));
            message.To.Add(MailboxAddress.Parse(to));
            message.Subject = text["Tips.Reply.Subject"];
            message.Body = new TextPart("plain") { Text = string.Format(language.Culture, text["Tips.Reply.Body"], title, url) };
            return message;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
