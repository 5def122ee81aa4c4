using System.Net;

namespace FactCheck.Tests.Admin;

/// <summary>What an editor does in the browser, as form posts: fill the editor, press a workflow button.</summary>
public static class EditorSteps
{
    public const string ArabicTitle = "رسائل «دعم تيليغرام» تطلب رمز التحقق";

    public static async Task<Form> NewFormAsync(HttpClient client, string lang = "ar") =>
        await Form.LoadAsync(client, "/admin/advisories/new?lang=" + lang, "#editor");

    /// <summary>Fills the fields a fact-check (the editor's default kind) needs before readers see it, with Arabic text.</summary>
    public static Form FillMinimal(Form form, string? title = null) =>
        form.Set("Title", title ?? ArabicTitle + " " + Guid.NewGuid().ToString("N")[..6])
            .Set("Summary", "يحاول محتالون انتحال صفة دعم تيليغرام للحصول على رمز الدخول.")
            .Set("Body", "## ما الذي يحدث\n\nتصل رسالة تطلب **رمز التحقق**.\n\n- لا تشارك الرمز")
            .Set("ClaimText", "هذا حساب الدعم الرسمي لتيليغرام ويحتاج رمزك.")
            .Set("Rating", "scam");

    /// <summary>Creates a draft through the editor and returns its id.</summary>
    public static async Task<Guid> CreateDraftAsync(HttpClient client, Action<Form>? fill = null, string lang = "ar")
    {
        var form = FillMinimal(await NewFormAsync(client, lang));
        fill?.Invoke(form);
        var response = await form.SubmitAsync(client, ("command", "save"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"create answered {(int)response.StatusCode}: {await Errors(response)}");
        var location = response.Headers.Location!.OriginalString;
        return Guid.Parse(location.Split('/')[3].Split('?')[0]);
    }

    /// <summary>
    /// Types <paramref name="search"/> in the "same story in another language" search box and presses Find, as
    /// without JavaScript: the editor comes back (nothing saved) with what was typed and the advisories found.
    /// </summary>
    public static async Task<Form> FindTranslationAsync(HttpClient client, Form form, string search)
    {
        var response = await form.Set("translationSearch", search).SubmitAsync(client, ("command", "find-translation"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"find answered {(int)response.StatusCode}: {await Errors(response)}");
        return Form.Parse(await response.Content.ReadAsStringAsync(), "#editor");
    }

    /// <summary>
    /// Presses a workflow button in the editor's side panel (submit, publish, schedule…). Publish, withdraw and
    /// delete lead to a confirmation page first (without JavaScript, as here): its button is pressed too.
    /// A return to draft needs a note; one is written unless <paramref name="fields"/> gives one.
    /// </summary>
    public static async Task<HttpResponseMessage> PressAsync(HttpClient client, Guid id, string action, params (string Name, string Value)[] fields) =>
        await (await ButtonFormAsync(client, id, action, fields)).SubmitAsync(client);

    /// <summary>The form that <see cref="PressAsync"/> submits: the button's own, or its confirmation page's.</summary>
    public static async Task<Form> ButtonFormAsync(HttpClient client, Guid id, string action, params (string Name, string Value)[] fields)
    {
        var form = await Form.LoadAsync(client, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/{action}']");
        if (action == "return-to-draft" && fields.All(f => f.Name != "note")) form.Set("note", "يحتاج إلى مصدر ثانٍ");
        foreach (var (name, value) in fields) form.Set(name, value);
        if (form.Method == "post") return form;

        var confirmation = await Form.LoadAsync(client, form.QueryUrl, $"main form[method=post][action='/admin/advisories/{id}/{action}']");
        foreach (var (name, value) in fields) confirmation.Set(name, value);
        return confirmation;
    }

    public static async Task<string> Errors(HttpResponseMessage response)
    {
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        return string.Join(" | ", page.QuerySelectorAll(".form-errors, .field-error").Select(e => e.TextContent.Trim()));
    }
}
