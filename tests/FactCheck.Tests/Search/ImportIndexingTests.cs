using Microsoft.Extensions.DependencyInjection;
using FactCheck.Tests.Content;

namespace FactCheck.Tests.Search;

/// <summary>The content importer updates the search index inside each file's transaction.</summary>
public sealed class ImportIndexingTests : IDisposable
{
    private readonly ImportSiteFactory site = new();

    private static string File(string status, string body) => $"""
        ---
        id: 5e1f0c3a-9d7b-4f0e-8a51-2b3c4d5e6f70
        kind: alert
        language: uk
        slug: import-search
        title: "Фальшивий бот"
        summary: "Бот просить код."
        published: 2025-03-14T09:30:00Z
        status: {status}
        withdrawal_reason: "Бот виявився справжнім каналом підтримки."
        verdict: scam
        indicators:
          - type: handle
            value: "@import_search_bot"
        ---
        {body}
        """;

    private async Task ImportAsync(string text)
    {
        await System.IO.File.WriteAllTextAsync(Path.Combine(site.ContentPath, "advisories", "a.md"), text);
        using var scope = site.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync();
        Assert.Empty(report.Errors);
    }

    private async Task<int> CountAsync(string query)
    {
        var total = -1;
        await site.WithDatabaseAsync(async db =>
            total = (await site.Services.GetRequiredService<SearchIndex>().SearchAsync(db, SearchQuery.Parse(query), new SearchFilter(null), 1, 10)).Total);
        return total;
    }

    [Fact]
    public async Task Importing_indexes_edits_replace_and_withdrawal_removes()
    {
        await ImportAsync(File("published", "Перша версія: колядник."));
        Assert.Equal(1, await CountAsync("колядник"));
        Assert.Equal(1, await CountAsync("import_search_bot"));

        await ImportAsync(File("published", "Друга версія: щедрівник."));
        Assert.Equal(0, await CountAsync("колядник"));
        Assert.Equal(1, await CountAsync("щедрівник"));

        await ImportAsync(File("withdrawn", "Друга версія: щедрівник."));
        Assert.Equal(0, await CountAsync("щедрівник"));
    }

    public void Dispose() => site.Dispose();
}
