using System.Text.RegularExpressions;

namespace FactCheck;

/// <summary>Stores a tip privately: its text, the clean screenshot (not the reader's file), and the indicators found in both.</summary>
public sealed partial class TipIntake(AppDbContext db, TipFiles files, TimeProvider clock)
{
    public static bool IsEmail(string value) => Email().IsMatch(value);

    public async Task<Tip> ReceiveAsync(SiteLanguage language, TipForm form, ScreenshotReading? screenshot, CancellationToken cancellationToken = default)
    {
        var text = (form.Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var contact = RegistryEditing.Blank(form.Contact);
        var tip = new Tip
        {
            ReceivedAt = clock.GetUtcNow().UtcDateTime, Language = language.Code, Text = text, Contact = contact,
            WantsReply = form.WantsReply == "true" && contact is not null && IsEmail(contact),
            State = TipState.New,
        };
        var candidates = IndicatorNormalizer.MessageCandidates(text).ToList();
        if (screenshot is not null)
        {
            tip.ScreenshotFile = await files.SaveAsync(screenshot.Image.Png, cancellationToken);
            tip.ScreenshotHash = screenshot.Image.PerceptualHash;
            tip.ScreenshotWidth = screenshot.Image.Width;
            tip.ScreenshotHeight = screenshot.Image.Height;
            tip.ScreenshotText = screenshot.Text is { } read ? ScreenshotCheck.Trim(read.Trim(), TipLimits.MaxScreenshotTextLength) : null;
            candidates.AddRange(screenshot.Candidates);
        }
        foreach (var (type, value) in candidates.Distinct())
            tip.Indicators.Add(new TipIndicator { Type = type, Value = value });
        db.Tips.Add(tip);
        await db.SaveChangesAsync(cancellationToken);
        return tip;
    }

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]{1,64}@[^@\s<>()\[\],;:""]+\.[^@\s<>()\[\],;:""]{2,}$")]
    private static partial Regex Email();
}
