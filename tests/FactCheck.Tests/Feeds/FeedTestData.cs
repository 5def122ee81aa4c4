using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FactCheck.Tests.Media;

namespace FactCheck.Tests.Feeds;

/// <summary>Advisories with the relations feeds show (verdict, platforms, tags, screenshots), stored in one unit of work.</summary>
internal static class FeedTestData
{
    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public static async Task<Advisory> AddAsync(
        SiteFactory site, Action<Advisory>? configure = null, string? verdict = "scam",
        string[]? platforms = null, string[]? tags = null, int screenshots = 0)
    {
        var now = site.Clock.GetUtcNow().UtcDateTime.AddSeconds(-2);
        var advisory = new Advisory
        {
            Kind = AdvisoryKind.FactCheck,
            Language = "ar",
            Slug = Unique("feed"),
            Title = "دعم واتساب المزيف يطلب رمز التحقق",
            Summary = "رسائل تنتحل صفة دعم WhatsApp وتطلب الرمز المكون من 6 أرقام <لا تشاركه>.",
            Body = "اتصل بنا قارئ من الرقم +44 7700 900123.",
            ClaimText = "فريق الدعم يحتاج رمز التحقق لحماية حسابك",
            Claimant = "حسابات على Telegram",
            ClaimFirstSeen = new DateOnly(2025, 3, 10),
            ClaimAppearances = ["https://chat.example/groups/1/messages/2"],
            Steps = ["لا تشارك الرمز مع أحد", "أبلغ عن الحساب"],
            Status = AdvisoryStatus.Published,
            CreatedAt = now,
            PublishedAt = now,
            UpdatedAt = now,
        };
        for (var i = 0; i < screenshots; i++)
            advisory.Screenshots.Add(await StoreScreenshotAsync(site, i, 320 + i * 8, 240));
        configure?.Invoke(advisory);

        await site.WithDatabaseAsync(async db =>
        {
            if (verdict is not null) advisory.RatingId = (await db.Ratings.SingleAsync(r => r.Key == verdict)).Id;
            if (platforms is not null) advisory.Platforms = await db.Platforms.Where(p => platforms.Contains(p.Key)).ToListAsync();
            foreach (var name in tags ?? [])
                advisory.Tags.Add(await db.Tags.FirstOrDefaultAsync(t => t.Name == name) ?? new Tag { Name = name });
            db.Advisories.Add(advisory);
            await db.SaveChangesAsync();
        });
        return advisory;
    }

    /// <summary>
    /// A screenshot as the media pipeline leaves it: a PNG under its content-hash name in the media store.
    /// Written directly rather than through libvips: in the test host, a libvips run followed by a new
    /// SQLite query with ORDER BY … LIMIT crashes natively inside sqlite3_step (reported; not a feeds issue).
    /// </summary>
    private static async Task<Screenshot> StoreScreenshotAsync(SiteFactory site, int position, int width, int height)
    {
        var bytes = TestImages.Png(width, height, TestImages.Pattern);
        var name = MediaLibrary.NameOf(bytes, ".png");
        await site.Services.GetRequiredService<IMediaStore>().SaveAsync(name, bytes);
        return new Screenshot
        {
            Position = position,
            AltText = $"لقطة شاشة {position + 1} لمحادثة الاحتيال",
            Caption = position == 0 ? "رسالة من «الدعم»" : null,
            Width = width,
            Height = height,
            // The recorded length is deliberately wrong: feeds must report the real size of the file.
            Files = [new ScreenshotFile { FileName = name, ContentType = "image/png", Width = width, Height = height, Length = 1 }],
        };
    }

    /// <summary>Changes a stored advisory the way an editor's save would.</summary>
    public static Task UpdateAsync(SiteFactory site, Guid id, Action<Advisory> change) =>
        site.WithDatabaseAsync(async db =>
        {
            var advisory = await db.Advisories.Include(a => a.Corrections).SingleAsync(a => a.Id == id);
            change(advisory);
            advisory.Version++;
            await db.SaveChangesAsync();
        });

    public static Task AddCorrectionAsync(SiteFactory site, Guid id, string note, DateTime at, CorrectionKind kind = CorrectionKind.Correction) =>
        UpdateAsync(site, id, a =>
        {
            a.Corrections.Add(new Correction { Kind = kind, Note = note, PublishedAt = at });
            a.UpdatedAt = at;
        });

    public static Task WithdrawAsync(SiteFactory site, Guid id, string reason) =>
        UpdateAsync(site, id, a =>
        {
            a.Status = AdvisoryStatus.Withdrawn;
            a.WithdrawnAt = site.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
            a.WithdrawalReason = reason;
        });
}
