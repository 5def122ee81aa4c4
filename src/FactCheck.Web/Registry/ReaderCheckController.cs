using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// The check box for whole messages and screenshots: POST forms (a pasted message can hold a reader's own
/// details, so it never goes into a URL, a log line or a cache), working without JavaScript. Nothing is
/// stored; the answer page offers to send it as a tip.
/// </summary>
[IgnoreAntiforgeryToken] // public forms, no cookies to protect: the antiforgery cookie lives under /admin only
public sealed class ReaderCheckController(
    AppDbContext db, RegistryCheck registry, ScreenshotCheck screenshots, ReaderLimits limits, TipSettings tipSettings, TimeProvider clock,
    IOptions<MailOptions> mail, IStringLocalizer<SharedResource> text) : Controller
{
    private const string Lang = "{lang:" + SiteLanguage.RouteConstraint + "}";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [HttpPost("/" + Lang + "/check/message")]
    public async Task<IActionResult> Message(string lang, string? message, CancellationToken cancellationToken)
    {
        var language = SiteLanguage.Find(lang)!;
        if (string.IsNullOrWhiteSpace(message)) return this.BadRequestPage(language, text["Check.Message.Empty"]);
        if (message.Length > IndicatorNormalizer.MaxMessageLength)
            return this.BadRequestPage(language, string.Format(language.Culture, text["Check.Message.TooLong"], IndicatorNormalizer.MaxMessageLength));
        var answers = await registry.AnswerAsync(IndicatorNormalizer.MessageCandidates(message), Today, cancellationToken);
        return await PageAsync(language, message, answers, fromScreenshot: false, null, []);
    }

    [HttpPost("/" + Lang + "/check/screenshot"), ReaderUpload]
    public async Task<IActionResult> Screenshot(string lang, IFormFile? file, CancellationToken cancellationToken)
    {
        var language = SiteLanguage.Find(lang)!;
        if (!limits.TryScreenshot(HttpContext)) return this.ReaderProblem(language, StatusCodes.Status429TooManyRequests, text["Check.Screenshot.TooMany"]);
        if (file is null || file.Length == 0) return this.BadRequestPage(language, text["Media.Error.Empty"]);
        ScreenshotReading reading;
        try
        {
            reading = await screenshots.ReadAsync(await ReaderUploadAttribute.BytesAsync(file, cancellationToken), file.FileName, cancellationToken);
        }
        catch (MediaRejectedException e)
        {
            return this.ReaderProblem(language, ReaderUploadAttribute.StatusOf(e.Problem), ReaderUploadAttribute.Explain(text, language, e));
        }
        catch (MediaUnavailableException)
        {
            return this.ReaderProblem(language, StatusCodes.Status503ServiceUnavailable, text["Media.Error.Unavailable"]);
        }
        var answers = await registry.AnswerAsync(reading.Candidates, Today, cancellationToken);
        var covered = (await SimilarScreenshots.FindAsync(db, reading.Image.PerceptualHash, Guid.Empty, cancellationToken))
            .Where(s => s.Status == AdvisoryStatus.Published).ToList();
        return await PageAsync(language, "", answers, fromScreenshot: true, reading.Text ?? "", covered, ocrMissing: reading.Text is null);
    }

    private async Task<ViewResult> PageAsync(SiteLanguage language, string message, IReadOnlyList<ChannelAnswer> answers, bool fromScreenshot, string? screenshotText,
        IReadOnlyList<SimilarScreenshot> covered, bool ocrMissing = false) =>
        View("MessageCheck", new MessageCheckPage
        {
            Language = language,
            Title = text["Check.Message.Title"],
            LanguageLinks = SiteLanguage.All.Where(l => l != language).Select(l => new LanguageLink(l, $"/{l.Code}/check", false)).ToList(),
            Message = message,
            FromScreenshot = fromScreenshot,
            ScreenshotText = ocrMissing ? null : screenshotText,
            Answers = answers,
            Covered = covered,
            Tip = new ReportPage
            {
                Language = language, Title = text["Report.Title"], Form = new TipForm { Text = message },
                RepliesByMail = mail.Value.Enabled, RetentionDays = await tipSettings.RetentionDaysAsync(),
            },
        });
}
