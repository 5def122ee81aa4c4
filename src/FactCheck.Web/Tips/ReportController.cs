using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// /{lang}/report, the tip line: a plain multipart form (works without JavaScript) with the text, an optional
/// screenshot and an optional contact, behind a consent box. Abuse limits: per-client rate, size caps, a
/// honeypot field; no third-party captcha. The tip is stored privately (<see cref="TipIntake"/>).
/// </summary>
[IgnoreAntiforgeryToken] // public form without cookies (the antiforgery cookie lives under /admin only)
public sealed class ReportController(
    TipIntake intake, TipSettings settings, ScreenshotCheck screenshots, ReaderLimits limits, IOptions<MailOptions> mail,
    IStringLocalizer<SharedResource> text) : Controller
{
    private const string Lang = "{lang:" + SiteLanguage.RouteConstraint + "}";

    [HttpGet("/" + Lang + "/report")]
    [OutputCache(PolicyName = PublicCaching.Pages)]
    public async Task<IActionResult> Report(string lang) => await FormAsync(SiteLanguage.Find(lang)!, new TipForm(), new FormErrors(), StatusCodes.Status200OK);

    [HttpPost("/" + Lang + "/report"), ReaderUpload]
    public async Task<IActionResult> Send(string lang, TipForm form, IFormFile? screenshot, CancellationToken cancellationToken)
    {
        var language = SiteLanguage.Find(lang)!;
        // A bot that filled the hidden field is thanked like anyone, so it learns nothing; nothing is stored.
        if (form.IsSpam) return RedirectToAction(nameof(Thanks), new { lang = language.Code });
        if (!limits.TryTip(HttpContext)) return this.ReaderProblem(language, StatusCodes.Status429TooManyRequests, text["Report.Error.TooMany"]);

        var errors = Validate(form, screenshot, language);
        if (errors.Any) return await FormAsync(language, form, errors, StatusCodes.Status400BadRequest);

        ScreenshotReading? reading = null;
        if (screenshot is { Length: > 0 })
        {
            try
            {
                reading = await screenshots.ReadAsync(await ReaderUploadAttribute.BytesAsync(screenshot, cancellationToken), screenshot.FileName, cancellationToken);
            }
            catch (MediaRejectedException e)
            {
                errors.Add("Screenshot", ReaderUploadAttribute.Explain(text, language, e));
                return await FormAsync(language, form, errors, ReaderUploadAttribute.StatusOf(e.Problem));
            }
            catch (MediaUnavailableException)
            {
                errors.Add("Screenshot", text["Media.Error.Unavailable"]);
                return await FormAsync(language, form, errors, StatusCodes.Status503ServiceUnavailable);
            }
        }
        await intake.ReceiveAsync(language, form, reading, cancellationToken);
        return RedirectToAction(nameof(Thanks), new { lang = language.Code });
    }

    [HttpGet("/" + Lang + "/report/thanks")]
    [OutputCache(PolicyName = PublicCaching.Pages)]
    public IActionResult Thanks(string lang)
    {
        var language = SiteLanguage.Find(lang)!;
        return View("Message", new MessagePage
        {
            Language = language, Title = text["Report.Thanks"], Heading = text["Report.Thanks"], Message = text["Report.ThanksText"],
            LanguageLinks = SiteLanguage.All.Where(l => l != language).Select(l => new LanguageLink(l, $"/{l.Code}/report/thanks", false)).ToList(),
        });
    }

    private FormErrors Validate(TipForm form, IFormFile? screenshot, SiteLanguage language)
    {
        var errors = new FormErrors();
        var body = form.Text?.Trim() ?? "";
        if (body.Length == 0 && screenshot is not { Length: > 0 }) errors.Add("Text", text["Report.Error.Empty"]);
        else if (body.Length > TipLimits.MaxTextLength) errors.Add("Text", string.Format(language.Culture, text["Report.Error.TooLong"], TipLimits.MaxTextLength));
        else if (AdvisoryRules.HasControl(body, multiline: true)) errors.Add("Text", text["Admin.Editor.Error.Control"]);
        var contact = form.Contact?.Trim() ?? "";
        if (contact.Length > TipLimits.MaxContactLength || AdvisoryRules.HasControl(contact, multiline: false)) errors.Add("Contact", string.Format(language.Culture, text["Report.Error.TooLong"], TipLimits.MaxContactLength));
        else if (form.WantsReply == "true" && mail.Value.Enabled && !TipIntake.IsEmail(contact)) errors.Add("Contact", text["Report.Error.ReplyNeedsEmail"]);
        if (form.Consent != "true") errors.Add("Consent", text["Report.Error.Consent"]);
        return errors;
    }

    private async Task<ViewResult> FormAsync(SiteLanguage language, TipForm form, FormErrors errors, int status)
    {
        Response.StatusCode = status;
        return View("Report", new ReportPage
        {
            Language = language, Title = text["Report.Title"], Description = text["Report.Intro"],
            CanonicalPath = $"/{language.Code}/report",
            LanguageLinks = SiteLanguage.All.Where(l => l != language).Select(l => new LanguageLink(l, $"/{l.Code}/report", false)).ToList(),
            Form = form, Errors = errors, RepliesByMail = mail.Value.Enabled, RetentionDays = await settings.RetentionDaysAsync(),
        });
    }
}
