using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>The rating scale and platform list a new site starts with; editors manage them afterwards.</summary>
public static class DefaultData
{
    // Badge colours carry white text: every one has at least 4.5:1 contrast (WCAG AA).
    public static IReadOnlyList<Rating> Ratings =>
    [
        new() { Key = "scam", LabelAr = "احتيال", LabelUk = "Шахрайство", LabelEn = "Scam", Colour = "#9f1239", Value = 1, Position = 1,
            DescriptionEn = "A deliberate attempt to take money, codes, accounts or personal data, usually by impersonating a company, a bank or a public service.",
            DescriptionAr = "محاولة متعمّدة لأخذ المال أو الرموز أو الحسابات أو البيانات الشخصية، غالباً بانتحال صفة شركة أو مصرف أو خدمة عامة.",
            DescriptionUk = "Навмисна спроба заволодіти грошима, кодами, акаунтами чи особистими даними, зазвичай від імені компанії, банку чи державного сервісу." },
        new() { Key = "fake", LabelAr = "مزيف", LabelUk = "Фейк", LabelEn = "Fake", Colour = "#b42318", Value = 1, Position = 2,
            DescriptionEn = "A message, document, account or image made up to look genuine: it does not come from whom it claims to.",
            DescriptionAr = "رسالة أو وثيقة أو حساب أو صورة مصنوعة لتبدو حقيقية، ولا تصدر عمّن تدّعي أنها صادرة عنه.",
            DescriptionUk = "Повідомлення, документ, акаунт чи зображення, підроблене під справжнє: воно не походить від того, від кого нібито є." },
        new() { Key = "false", LabelAr = "خاطئ", LabelUk = "Неправда", LabelEn = "False", Colour = "#c2410c", Value = 1, Position = 3,
            DescriptionEn = "The claim is wrong: the evidence we found contradicts it.",
            DescriptionAr = "الادعاء غير صحيح: الأدلة التي وجدناها تناقضه.",
            DescriptionUk = "Твердження хибне: знайдені нами докази йому суперечать." },
        new() { Key = "misleading", LabelAr = "مضلل", LabelUk = "Маніпуляція", LabelEn = "Misleading", Colour = "#92400e", Value = 2, Position = 4,
            DescriptionEn = "Partly accurate, but presented so that it leaves a false impression: facts out of context, left out or exaggerated.",
            DescriptionAr = "صحيح جزئياً لكنه يُعرض بطريقة تترك انطباعاً خاطئاً: وقائع خارج سياقها أو ناقصة أو مبالغ فيها.",
            DescriptionUk = "Частково точне, але подане так, що створює хибне враження: факти вирвані з контексту, пропущені чи перебільшені." },
        new() { Key = "unproven", LabelAr = "غير مثبت", LabelUk = "Не підтверджено", LabelEn = "Unproven", Colour = "#4b5563", Value = 3, Position = 5,
            DescriptionEn = "There is not enough evidence yet to say whether the claim is true or false.",
            DescriptionAr = "لا تتوفر بعد أدلة كافية للحكم على صحة الادعاء أو خطئه.",
            DescriptionUk = "Поки що бракує доказів, щоб сказати, правдиве твердження чи хибне." },
        new() { Key = "false-alarm", LabelAr = "إنذار خاطئ", LabelUk = "Хибна тривога", LabelEn = "False alarm", Colour = "#1e40af", Value = 4, Position = 6,
            DescriptionEn = "A warning that circulates about a scam or danger that does not exist: the message it warns about is harmless or genuine.",
            DescriptionAr = "تحذير متداول من احتيال أو خطر غير موجود: الرسالة التي يحذّر منها غير ضارة أو حقيقية.",
            DescriptionUk = "Попередження про шахрайство чи небезпеку, якої немає: повідомлення, від якого застерігають, нешкідливе або справжнє." },
        new() { Key = "genuine", LabelAr = "صحيح", LabelUk = "Правда", LabelEn = "Genuine", Colour = "#166534", Value = 5, Position = 7,
            DescriptionEn = "The message or claim is authentic and accurate: it comes from whom it says and says what is true.",
            DescriptionAr = "الرسالة أو الادعاء أصيل ودقيق: يصدر عمّن يذكره ويقول ما هو صحيح.",
            DescriptionUk = "Повідомлення чи твердження справжнє й точне: воно від того, від кого зазначено, і каже правду." },
    ];

    /// <summary>Each platform with the names readers also write in Arabic and Ukrainian (search equivalents).</summary>
    public static IReadOnlyList<Platform> Platforms =>
    [
        new() { Key = "whatsapp", Name = "WhatsApp", Equivalents = "واتساب\nواتس اب\nواتس آب\nوتساب\nВатсап\nВотсап" },
        new() { Key = "telegram", Name = "Telegram", Equivalents = "تيليجرام\nتلغرام\nتليجرام\nتيليغرام\nТелеграм" },
        new() { Key = "facebook", Name = "Facebook", Equivalents = "فيسبوك\nفيس بوك\nФейсбук" },
        new() { Key = "messenger", Name = "Messenger", Equivalents = "ماسنجر\nمسنجر\nМесенджер" },
        new() { Key = "instagram", Name = "Instagram", Equivalents = "إنستغرام\nانستغرام\nانستجرام\nИнстаграм\nІнстаграм" },
        new() { Key = "signal", Name = "Signal", Equivalents = "سيجنال\nسغنال\nСигнал" },
        new() { Key = "viber", Name = "Viber", Equivalents = "فايبر\nВайбер" },
        new() { Key = "sms", Name = "SMS", Equivalents = "رسالة نصية\nرسائل نصية\nСМС" },
        new() { Key = "email", Name = "Email", Equivalents = "e-mail\nبريد إلكتروني\nالبريد الإلكتروني\nимейл\nелектронна пошта" },
        new() { Key = "coinbase", Name = "Coinbase", Equivalents = "كوين بيز\nكوينبيس\nКоінбейс" },
        new() { Key = "reserve-plus", Name = "Reserve+", Equivalents = "Резерв+\nريزيرف بلس\nРезерв плюс" },
    ];

    public static async Task EnsureSeededAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (!await db.Ratings.AnyAsync(cancellationToken)) db.Ratings.AddRange(Ratings);
        if (!await db.Platforms.AnyAsync(cancellationToken)) db.Platforms.AddRange(Platforms);
        await FillGapsAsync(db, cancellationToken);
        // Every transparency page exists in every language: the footer links to all of them.
        var existing = (await db.TransparencyPages.Select(p => new { p.Key, p.Language }).ToListAsync(cancellationToken))
            .Select(p => (p.Key, p.Language)).ToHashSet();
        db.TransparencyPages.AddRange(DefaultTransparencyPages.All(DateTime.UtcNow).Where(p => !existing.Contains((p.Key, p.Language))));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Sites created before verdict descriptions and platform equivalents existed get the defaults for
    /// the default keys, where the field is still empty. The rating form requires a description, so an
    /// Admin's own text is never overwritten; a default platform whose other names an Admin empties gets
    /// the defaults back on the next start (to have none, write the name itself).
    /// </summary>
    private static async Task FillGapsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var ratings = Ratings.ToDictionary(r => r.Key);
        foreach (var rating in await db.Ratings.Where(r => r.DescriptionEn == "").ToListAsync(cancellationToken))
        {
            if (!ratings.TryGetValue(rating.Key, out var known)) continue;
            (rating.DescriptionAr, rating.DescriptionUk, rating.DescriptionEn) = (known.DescriptionAr, known.DescriptionUk, known.DescriptionEn);
        }
        var platforms = Platforms.ToDictionary(p => p.Key);
        foreach (var platform in await db.Platforms.Where(p => p.Equivalents == "").ToListAsync(cancellationToken))
        {
            if (platforms.TryGetValue(platform.Key, out var known)) platform.Equivalents = known.Equivalents;
        }
    }
}
