using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Admin;

/// <summary>
/// The real site (see <see cref="SiteFactory"/>) with helpers for the back-office: accounts in each role
/// and clients that sign in through the real form and keep their cookies, over HTTPS as in production.
/// The sign-in rate limit is raised so that many tests can sign in from the one test address;
/// <see cref="RateLimitTests"/> checks the limit itself.
/// </summary>
public class BackOfficeSite : SiteFactory
{
    public const string Password = "correct horse battery staple 42";

    public BackOfficeSite() { }

    /// <summary>An instance on a shared data folder and database (see <see cref="SiteFactory(string, TestDatabase)"/>).</summary>
    protected BackOfficeSite(string dataPath, TestDatabase database) : base(dataPath, database) { }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        base.Settings
            .Append(new("BackOffice:SignInAttemptsPerMinute", "10000"))
            // The back-office tests make their own advisories; importing the sample screenshots would only cost time and memory.
            .Append(new("Site:ImportContentOnStart", "false"));

    /// <summary>A browser-like client: cookies kept, redirects not followed, HTTPS (the cookies are Secure).</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    public async Task<EditorUser> CreateUserAsync(string? role, string password = Password, Action<EditorUser>? configure = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var email = $"{(role ?? "nobody").ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var user = new EditorUser { UserName = email, Email = email, DisplayName = $"{role} {email[..12]}", CreatedAt = DateTime.UtcNow };
        configure?.Invoke(user);
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (role is not null) Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>A new account in <paramref name="role"/>, signed in through the sign-in form.</summary>
    public async Task<(HttpClient Client, EditorUser User)> SignedInAsync(string role)
    {
        var user = await CreateUserAsync(role);
        var client = Browser();
        var response = await SignInAsync(client, user.Email!, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, user);
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var form = await Form.LoadAsync(client, "/admin/sign-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        form.Set("Email", email).Set("Password", password);
        return await form.SubmitAsync(client);
    }

    public async Task<T> WithServiceAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider);
    }
}

/// <summary>
/// An HTML form as a browser would submit it: every named input, textarea, checked box and selected
/// option, including the antiforgery token the page carries.
/// </summary>
public sealed class Form
{
    private static readonly HtmlParser parser = new();

    public string Action { get; }
    /// <summary>"get" or "post", as the form says (forms without a method are GET forms).</summary>
    public string Method { get; }
    public List<KeyValuePair<string, string>> Fields { get; }
    public IHtmlDocument Page { get; }

    private Form(IHtmlDocument page, string action, string method, List<KeyValuePair<string, string>> fields)
    {
        Page = page;
        Action = action;
        Method = method;
        Fields = fields;
    }

    public static async Task<Form> LoadAsync(HttpClient client, string url, string selector = "main form[method=post]")
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return Parse(await response.Content.ReadAsStringAsync(), selector);
    }

    public static Form Parse(string html, string selector = "main form[method=post]")
    {
        var page = parser.ParseDocument(html);
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"no form matches {selector}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "submit" or "button" or "file") break;
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) break;
                    fields.Add(new(input.Name!, input.Type is "checkbox" or "radio" ? input.GetAttribute("value") ?? "on" : input.Value));
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields.Add(new(textArea.Name!, textArea.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                        fields.Add(new(select.Name!, option.Value));
                    if (!select.IsMultiple && !select.Options.Any(o => o.IsSelected) && select.Options.Length > 0)
                        fields.Add(new(select.Name!, select.Options[0]!.Value));
                    break;
            }
        }
        return new Form(page, form.GetAttribute("action") ?? "", (form.GetAttribute("method") ?? "get").ToLowerInvariant(), fields);
    }

    public string? Get(string name) => Fields.FirstOrDefault(f => f.Key == name).Value;

    /// <summary>The address a GET form leads to, with its fields in the query string.</summary>
    public string QueryUrl => Action + "?" + string.Join('&', Fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    /// <summary>Replaces every value of <paramref name="name"/> (or adds it).</summary>
    public Form Set(string name, string value)
    {
        var index = Fields.FindIndex(f => f.Key == name);
        Fields.RemoveAll(f => f.Key == name);
        Fields.Insert(index < 0 ? Fields.Count : index, new(name, value));
        return this;
    }

    public Form Add(string name, string value)
    {
        Fields.Add(new(name, value));
        return this;
    }

    public Form Remove(string name)
    {
        Fields.RemoveAll(f => f.Key == name);
        return this;
    }

    /// <summary>Posts the form; <paramref name="button"/> is the name=value of the submit button pressed.</summary>
    public Task<HttpResponseMessage> SubmitAsync(HttpClient client, (string Name, string Value)? button = null)
    {
        var fields = new List<KeyValuePair<string, string>>(Fields);
        if (button is { } pressed) fields.Add(new(pressed.Name, pressed.Value));
        return client.PostAsync(Action, new FormUrlEncodedContent(fields));
    }
}

public static class Html
{
    private static readonly HtmlParser parser = new();

    public static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response) =>
        parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public static IHtmlDocument Parse(string html) => parser.ParseDocument(html);
}
