using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// /admin/ratings: the verdict scale (Admins). Labels, colour, ClaimReview value and order can change;
/// the key cannot once created, because URLs, feeds, content files and structured data use it.
/// </summary>
[Route(BackOfficeSetup.PathBase + "/ratings"), Authorize(Policy = Can.Administer)]
public sealed partial class RatingsController(AppDbContext db, AuditLog audit, PublicContent publicContent, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    [HttpGet("")]
    public async Task<IActionResult> List(string? done) =>
        View(new RatingsPage
        {
            Title = text["Admin.Ratings.Title"], Notice = Notices.Text(done, text),
            Ratings = await db.Ratings.OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(),
        });

    [HttpGet("new")]
    public async Task<IActionResult> New()
    {
        var next = (await db.Ratings.MaxAsync(r => (int?)r.Position) ?? 0) + 1;
        return View("Edit", new RatingPage
        {
            Title = text["Admin.Ratings.NewTitle"],
            Form = new RatingForm { Colour = "#4b5563", Value = "3", Position = next.ToString(CultureInfo.InvariantCulture) },
        });
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(RatingForm form)
    {
        var errors = await ValidateAsync(form, null);
        if (errors.Any) return Invalid(null, form, errors);
        var rating = new Rating { Key = form.Key!.Trim() };
        Apply(rating, form);
        db.Ratings.Add(rating);
        audit.Add(AuditAction.RatingCreated, $"rating {rating.Key}", Describe(rating));
        await db.SaveChangesAsync(); // the rating and its audit entry in one transaction
        await publicContent.ChangedAsync(); // the methodology page and verdicts.css list the scale
        return RedirectToAction("List", "Ratings", new { done = "rating-saved" });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id) =>
        await db.Ratings.FindAsync(id) is { } rating
            ? View("Edit", new RatingPage { Title = rating.Label(BackOfficeLanguage.Current.Code), Id = id, Form = RatingForm.From(rating) })
            : Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Save(int id, RatingForm form)
    {
        var rating = await db.Ratings.FindAsync(id);
        if (rating is null) return Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
        form.Key = rating.Key;
        var errors = await ValidateAsync(form, id);
        if (errors.Any) return Invalid(id, form, errors);
        var before = Describe(rating);
        Apply(rating, form);
        if (Describe(rating) != before)
        {
            audit.Add(AuditAction.RatingChanged, $"rating {rating.Key}", $"{before} → {Describe(rating)}");
            await db.SaveChangesAsync();
            // Every page with a verdict shows its label and colour: readers see the change on their next request.
            await publicContent.ChangedAsync();
        }
        return RedirectToAction("List", "Ratings", new { done = "rating-saved" });
    }

    private ViewResult Invalid(int? id, RatingForm form, FormErrors errors)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", new RatingPage
        {
            Title = text[id is null ? "Admin.Ratings.NewTitle" : "Admin.Ratings.Title"], Id = id, Form = form, Errors = errors,
        });
    }

    private async Task<FormErrors> ValidateAsync(RatingForm form, int? id)
    {
        var errors = new FormErrors();
        var key = form.Key?.Trim() ?? "";
        if (id is null)
        {
            if (!KeyPattern().IsMatch(key)) errors.Add(nameof(form.Key), text["Admin.Ratings.Error.Key"]);
            else if (await db.Ratings.AnyAsync(r => r.Key == key)) errors.Add(nameof(form.Key), text["Admin.Ratings.Error.KeyTaken"]);
        }
        foreach (var (field, label) in new[] { (nameof(form.LabelAr), form.LabelAr), (nameof(form.LabelUk), form.LabelUk), (nameof(form.LabelEn), form.LabelEn) })
            if (string.IsNullOrWhiteSpace(label) || label.Trim().Length > 80 || AdvisoryRules.HasControl(label, multiline: false))
                errors.Add(field, text["Admin.Ratings.Error.Label"]);
        // The methodology page defines every verdict in words, in every language.
        foreach (var (field, description) in new[] { (nameof(form.DescriptionAr), form.DescriptionAr), (nameof(form.DescriptionUk), form.DescriptionUk), (nameof(form.DescriptionEn), form.DescriptionEn) })
            if (string.IsNullOrWhiteSpace(description) || description.Trim().Length > 1000 || AdvisoryRules.HasControl(description, multiline: true))
                errors.Add(field, text["Admin.Ratings.Error.Description"]);
        if (!ColourPattern().IsMatch(form.Colour?.Trim() ?? "")) errors.Add(nameof(form.Colour), text["Admin.Ratings.Error.Colour"]);
        else if (ContrastWithWhite(form.Colour!.Trim()) < 4.5) errors.Add(nameof(form.Colour), text["Admin.Ratings.Error.Contrast"]);
        if (Number(form.Value) is not (>= 1 and <= 5)) errors.Add(nameof(form.Value), text["Admin.Ratings.Error.Value"]);
        if (Number(form.Position) is not (>= 1 and <= 1000)) errors.Add(nameof(form.Position), text["Admin.Ratings.Error.Position"]);
        return errors;
    }

    private static void Apply(Rating rating, RatingForm form)
    {
        rating.LabelAr = form.LabelAr!.Trim();
        rating.LabelUk = form.LabelUk!.Trim();
        rating.LabelEn = form.LabelEn!.Trim();
        rating.DescriptionAr = form.DescriptionAr!.Trim();
        rating.DescriptionUk = form.DescriptionUk!.Trim();
        rating.DescriptionEn = form.DescriptionEn!.Trim();
        rating.Colour = form.Colour!.Trim().ToLowerInvariant();
        rating.Value = Number(form.Value)!.Value;
        rating.Position = Number(form.Position)!.Value;
    }

    private static string Describe(Rating r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.LabelAr} / {r.LabelUk} / {r.LabelEn}, {r.Colour}, value {r.Value}, position {r.Position}, meaning {r.DescriptionAr} / {r.DescriptionUk} / {r.DescriptionEn}");

    /// <summary>An integer typed in any digits (Arabic-Indic keyboards type ٣), or null.</summary>
    private static int? Number(string? typed) =>
        int.TryParse(IndicatorNormalizer.FoldDigits(typed?.Trim() ?? ""), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>
    /// WCAG 2 contrast ratio between white (the badge text) and <paramref name="hex"/>; readers must be
    /// able to read the verdict, so AA for normal text (4.5:1) is required.
    /// </summary>
    public static double ContrastWithWhite(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
        return 1.05 / (luminance + 0.05);
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColourPattern();
}
