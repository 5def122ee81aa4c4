using System.Net;
using FactCheck.Tests.Admin;

namespace FactCheck.Tests.Registry;

/// <summary>What an editor does in the registry pages, as the browser posts it.</summary>
public static class RegistrySteps
{
    public static async Task CreateOrganisationAsync(HttpClient client, string key, string name)
    {
        var form = await Form.LoadAsync(client, "/admin/organisations/new");
        form.Set("Key", key).Set("Name", name);
        var response = await form.SubmitAsync(client);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"organisation answered {(int)response.StatusCode}: {await EditorSteps.Errors(response)}");
    }

    /// <summary>Adds an entry with its first status; returns its id.</summary>
    public static async Task<int> CreateEntryAsync(HttpClient client, IndicatorType type, string value, string status, string since,
        string? organisation = null, string? channel = null, string? source = null, string? label = null)
    {
        var form = await Form.LoadAsync(client, "/admin/registry/new");
        form.Set("Type", type.ToString()).Set("Value", value).Set("Label", label ?? "")
            .Set("Status.Status", status).Set("Status.Since", since).Set("Status.Organisation", organisation ?? "")
            .Set("Status.Channel", channel ?? "").Set("Status.SourceTitle", source ?? "");
        var response = await form.SubmitAsync(client);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"new entry answered {(int)response.StatusCode}: {await EditorSteps.Errors(response)}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> AddStatusAsync(HttpClient client, int id, string status, string since,
        string? organisation = null, string? channel = null, string? source = null, string? sourceUrl = null)
    {
        var form = await Form.LoadAsync(client, $"/admin/registry/{id}", "#add-status");
        form.Set("Status", status).Set("Since", since).Set("Organisation", organisation ?? "").Set("Channel", channel ?? "")
            .Set("SourceTitle", source ?? "").Set("SourceUrl", sourceUrl ?? "");
        return await form.SubmitAsync(client);
    }
}
