using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>The rating scale and platform list a new site starts with; editors manage them afterwards.</summary>
public static class DefaultData
{
    // Badge colours carry white text: every one has at least 4.5:1 contrast (WCAG AA).
    public static IReadOnlyList<Rating> Ratings =>
    [
        new() { Key = "scam", LabelAr = "احتيال", LabelUk = "Шахрайство", LabelEn = "Scam", Colour = "#9f1239", Value = 1, Position = 1 },
        new() { Key = "fake", LabelAr = "مزيف", LabelUk = "Фейк", LabelEn = "Fake", Colour = "#b42318", Value = 1, Position = 2 },
        new() { Key = "false", LabelAr = "خاطئ", LabelUk = "Неправда", LabelEn = "False", Colour = "#c2410c", Value = 1, Position = 3 },
        new() { Key = "misleading", LabelAr = "مضلل", LabelUk = "Маніпуляція", LabelEn = "Misleading", Colour = "#92400e", Value = 2, Position = 4 },
        new() { Key = "unproven", LabelAr = "غير مثبت", LabelUk = "Не підтверджено", LabelEn = "Unproven", Colour = "#4b5563", Value = 3, Position = 5 },
        new() { Key = "false-alarm", LabelAr = "إنذار خاطئ", LabelUk = "Хибна тривога", LabelEn = "False alarm", Colour = "#1e40af", Value = 4, Position = 6 },
        new() { Key = "genuine", LabelAr = "صحيح", LabelUk = "Правда", LabelEn = "Genuine", Colour = "#166534", Value = 5, Position = 7 },
    ];

    public static IReadOnlyList<Platform> Platforms =>
    [
        new() { Key = "whatsapp", Name = "WhatsApp" },
        new() { Key = "telegram", Name = "Telegram" },
        new() { Key = "facebook", Name = "Facebook" },
        new() { Key = "messenger", Name = "Messenger" },
        new() { Key = "instagram", Name = "Instagram" },
        new() { Key = "signal", Name = "Signal" },
        new() { Key = "viber", Name = "Viber" },
        new() { Key = "sms", Name = "SMS" },
        new() { Key = "email", Name = "Email" },
        new() { Key = "coinbase", Name = "Coinbase" },
        new() { Key = "reserve-plus", Name = "Reserve+" },
    ];

    public static async Task EnsureSeededAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (!await db.Ratings.AnyAsync(cancellationToken)) db.Ratings.AddRange(Ratings);
        if (!await db.Platforms.AnyAsync(cancellationToken)) db.Platforms.AddRange(Platforms);
        await db.SaveChangesAsync(cancellationToken);
    }
}
