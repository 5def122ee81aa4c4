using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Admin;

/// <summary>Admins manage the rating scale (docs/security.md, "Authorization"); editors then choose from it.</summary>
public class RatingsTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Fact]
    public async Task Admins_add_a_rating_that_editors_can_choose_and_readers_see_in_its_colour()
    {
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var form = await Form.LoadAsync(admin, "/admin/ratings/new");
        form.Set("Key", "phishing").Set("LabelAr", "تصيّد").Set("LabelUk", "Фішинг").Set("LabelEn", "Phishing")
            .Set("DescriptionAr", "رسالة تستدرجك إلى موقع مزيف لتسرق بياناتك.").Set("DescriptionUk", "Повідомлення, що веде на фальшивий сайт, аби вкрасти дані.")
            .Set("DescriptionEn", "A message that lures you to a fake site to steal your details.")
            .Set("Colour", "#7C2D12").Set("Value", "١").Set("Position", "8"); // Arabic-Indic digits are numbers too
        Assert.Equal("/admin/ratings?done=rating-saved", (await form.SubmitAsync(admin)).Headers.Location!.OriginalString);

        var list = await Html.ReadAsync(await admin.GetAsync("/admin/ratings"));
        Assert.Contains(list.QuerySelectorAll("tbody code"), code => code.TextContent == "phishing");

        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var editorForm = await EditorSteps.NewFormAsync(editor);
        Assert.NotNull(editorForm.Page.QuerySelector("#f-Rating option[value=phishing]"));
        Assert.Contains(".verdict-phishing{--verdict:#7c2d12}", await site.Client().GetStringAsync("/verdicts.css"));
        // The methodology page defines the new verdict in words.
        Assert.Contains("A message that lures you to a fake site", await site.Client().GetStringAsync("/en/methodology"));

        await site.WithDatabaseAsync(async db =>
        {
            var rating = await db.Ratings.SingleAsync(r => r.Key == "phishing");
            Assert.Equal(("تصيّد", "Фішинг", "Phishing", "#7c2d12", 1, 8),
                (rating.LabelAr, rating.LabelUk, rating.LabelEn, rating.Colour, rating.Value, rating.Position));
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.RatingCreated && e.Target == "rating phishing"));
        });
    }

    [Fact]
    public async Task A_refused_rating_keeps_what_was_typed_and_says_why_next_to_each_field()
    {
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var form = await Form.LoadAsync(admin, "/admin/ratings/new");
        form.Set("Key", "scam").Set("LabelAr", "").Set("LabelUk", "Жовтий").Set("LabelEn", "Yellow")
            .Set("Colour", "#ffd700").Set("Value", "9").Set("Position", "-1");
        var refused = await form.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        foreach (var field in new[] { "Key", "LabelAr", "Colour", "Value", "Position", "DescriptionUk" })
        {
            Assert.NotNull(page.QuerySelector($"#f-{field}-error"));
            Assert.Equal("true", page.QuerySelector($"#f-{field}")!.GetAttribute("aria-invalid"));
        }
        Assert.Null(page.QuerySelector("#f-LabelEn-error"));
        Assert.Equal("#ffd700", page.QuerySelector("#f-Colour")!.GetAttribute("value"));
        Assert.Equal("Жовтий", page.QuerySelector("#f-LabelUk")!.GetAttribute("value"));
        // Gold is a colour, but white text on it cannot be read: the contrast message, not the format one.
        Assert.Contains("4.5:1", page.QuerySelector("#f-Colour-error")!.TextContent);

        form.Set("Key", "Not a key!").Set("LabelAr", "أصفر").Set("Colour", "#854d0e").Set("Value", "3").Set("Position", "9");
        page = await Html.ReadAsync(await form.SubmitAsync(admin));
        Assert.NotNull(page.QuerySelector("#f-Key-error"));
        Assert.Null(page.QuerySelector("#f-Colour-error"));
        await site.WithDatabaseAsync(async db => Assert.False(await db.Ratings.AnyAsync(r => r.LabelEn == "Yellow")));
    }

    [Fact]
    public async Task Editing_a_rating_changes_its_labels_and_colour_but_never_its_key()
    {
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var id = 0;
        await site.WithDatabaseAsync(async db => id = (await db.Ratings.SingleAsync(r => r.Key == "unproven")).Id);
        // Readers' pages and the verdict colours are in the output cache now; the change must still show at once.
        Assert.DoesNotContain(".verdict-unproven{--verdict:#374151}", await site.Client().GetStringAsync("/verdicts.css"));
        Assert.DoesNotContain("Not proven", await site.Client().GetStringAsync("/en/methodology"));
        var form = await Form.LoadAsync(admin, $"/admin/ratings/{id}");
        Assert.Null(form.Get("Key")); // shown, not posted
        form.Set("LabelEn", "Not proven").Set("Colour", "#374151").Add("Key", "renamed");
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(admin)).StatusCode);
        Assert.Contains(".verdict-unproven{--verdict:#374151}", await site.Client().GetStringAsync("/verdicts.css"));
        Assert.Contains("Not proven", await site.Client().GetStringAsync("/en/methodology"));

        await site.WithDatabaseAsync(async db =>
        {
            var rating = await db.Ratings.SingleAsync(r => r.Id == id);
            Assert.Equal(("unproven", "Not proven", "#374151"), (rating.Key, rating.LabelEn, rating.Colour));
            var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditAction.RatingChanged && e.Target == "rating unproven");
            Assert.Contains("Not proven", entry.Detail);
        });
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/ratings/99999")).StatusCode);
    }
}
