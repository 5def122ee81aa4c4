using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Search;

/// <summary>The SQLite FTS5 index in the real site database: however a word is typed, the same advisories are found.</summary>
public class SearchIndexTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private SearchIndex Index => site.Services.GetRequiredService<SearchIndex>();

    private async Task<List<Guid>> FindAsync(string query, SearchFilter? filter = null)
    {
        var found = new List<Guid>();
        await site.WithDatabaseAsync(async db =>
        {
            var results = await Index.SearchAsync(db, SearchQuery.Parse(query), filter ?? new SearchFilter(null), 1, 100);
            found = results.Hits.Select(h => h.Id).ToList();
        });
        return found;
    }

    // The test strings of docs/rtl-and-text.md, each pair written two ways.
    public static TheoryData<string, string, string> Variants => new()
    {
        { "ar", "كَتَبَ الطَّالِبُ الدَّرْسَ", "كتب الطالب الدرس" },
        { "ar", "كتـــاب", "كتاب" },
        { "ar", "ه\u0670ذا", "هذا" },
        { "ar", "ٱلحمد", "الحمد" },
        { "ar", "أحمد إسلام آمن", "احمد اسلام امن" },
        { "ar", "على", "علي" },
        { "ar", "مدرسة", "مدرسه" },
        { "ar", "فارسی کتاب", "فارسي كتاب" },
        { "ar", "می\u200Cخواهم", "میخواهم" },
        { "ar", "٢٠٢٤", "2024" },
        { "ar", "۲۰۲۴", "2024" },
        { "ar", "شكراً", "شكرا" },
        { "uk", "м'ясо", "м’ясо" },
        { "uk", "мʼясо", "м'ясо" },
        { "uk", "ҐАНОК", "ґанок" },
        { "uk", "ЇЖАК", "їжак" },
        { "uk", "за\u0301мок", "замок" },
        { "uk", "при\u00ADклад", "приклад" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Both_spellings_find_the_same_advisories(string language, string one, string other)
    {
        // One advisory written each way, each with a word of its own so the two are told apart.
        var first = await site.AddAdvisoryAsync(a => { a.Language = language; a.Body = $"{one} перший"; });
        var second = await site.AddAdvisoryAsync(a => { a.Language = language; a.Body = $"{other} другий"; });

        var byOne = await FindAsync(one);
        var byOther = await FindAsync(other);

        Assert.Contains(first.Id, byOne);
        Assert.Contains(second.Id, byOne);
        Assert.Equal(byOne.Order(), byOther.Order());
    }

    [Theory]
    [InlineData("ґанок", "ганок")]
    [InlineData("їжак", "іжак")]
    [InlineData("йоржик", "иоржик")]
    public async Task Ukrainian_letters_are_not_folded_into_others(string word, string lookalike)
    {
        var advisory = await site.AddAdvisoryAsync(a => { a.Language = "uk"; a.Body = word; });
        Assert.Contains(advisory.Id, await FindAsync(word));
        Assert.DoesNotContain(advisory.Id, await FindAsync(lookalike));
    }

    [Fact]
    public async Task Article_and_conjunction_prefixes_find_each_other()
    {
        var plain = await site.AddAdvisoryAsync(a => a.Body = "رسالة إلى مسوّق محتال");
        var prefixed = await site.AddAdvisoryAsync(a => a.Body = "حذّرنا من والمسوق وبالمسوق");

        Assert.Equal(new[] { plain.Id, prefixed.Id }.Order(), (await FindAsync("المسوق")).Where(id => id == plain.Id || id == prefixed.Id).Order());
        Assert.Contains(prefixed.Id, await FindAsync("مسوق"));
        Assert.Contains(plain.Id, await FindAsync("للمسوق"));
    }

    [Fact]
    public async Task Every_part_of_an_advisory_is_searched()
    {
        Tag tag = new() { Name = "وسم-فريد-للبحث" };
        var advisory = await site.AddAdvisoryAsync(a =>
        {
            a.Title = "zetaone";
            a.Summary = "zetatwo";
            a.Body = "**zetathree** [link](https://example.org/zetahidden)";
            a.ClaimText = "zetafour";
            a.Claimant = "zetafive";
            a.Steps = ["zetasix"];
            a.Tags = [tag];
            a.Indicators = [new Indicator { Type = IndicatorType.Handle, Raw = "@zetaseven_bot", Normalized = "zetaseven_bot" }];
        });

        foreach (var word in new[] { "zetaone", "zetatwo", "zetathree", "zetafour", "zetafive", "zetasix", "فريد", "zetaseven_bot", "zetaseven" })
            Assert.Contains(advisory.Id, await FindAsync(word));
        // Link targets are not reader-visible text.
        Assert.DoesNotContain(advisory.Id, await FindAsync("zetahidden"));
    }

    [Fact]
    public async Task Title_matches_rank_above_body_matches()
    {
        var inBody = await site.AddAdvisoryAsync(a => { a.Title = "عنوان عادي"; a.Body = "ذكر عابر لكلمة quokkarank هنا ضمن نص طويل عن أمور أخرى كثيرة"; });
        var inTitle = await site.AddAdvisoryAsync(a => { a.Title = "تحذير quokkarank"; a.Body = "نص"; a.PublishedAt = a.PublishedAt!.Value.AddDays(-30); });
        Assert.Equal([inTitle.Id, inBody.Id], await FindAsync("quokkarank"));
    }

    /// <summary>The same order on SQLite and PostgreSQL (this runs on both): no engine score, only the title and the date.</summary>
    [Fact]
    public async Task Results_are_title_matches_newest_first_then_the_rest_newest_first_on_every_page()
    {
        Task<Advisory> Add(string title, string body, int day) => site.AddAdvisoryAsync(a =>
        {
            a.Title = title;
            a.Body = body;
            a.PublishedAt = new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddDays(day);
        });
        var titleOld = await Add("تحذير orderword قديم", "نص", 1);
        var titleNew = await Add("تحذير orderword جديد", "نص", 60);
        var bodyMiddle = await Add("عنوان", "ذكر orderword في النص", 30);
        var bodyNewest = await Add("عنوان", "ذكر orderword في النص", 90);
        var bodyOldest = await Add("عنوان", "ذكر orderword في النص", 0);
        Guid[] expected = [titleNew.Id, titleOld.Id, bodyNewest.Id, bodyMiddle.Id, bodyOldest.Id];

        Assert.Equal(expected, await FindAsync("orderword"));
        foreach (var size in new[] { 1, 2, 3, 4 })
        {
            var paged = new List<Guid>();
            await site.WithDatabaseAsync(async db =>
            {
                for (var page = 1; page <= (expected.Length + size - 1) / size; page++)
                {
                    var results = await Index.SearchAsync(db, SearchQuery.Parse("orderword"), new SearchFilter("ar"), page, size);
                    Assert.Equal(expected.Length, results.Total);
                    paged.AddRange(results.Hits.Select(h => h.Id));
                }
            });
            Assert.Equal(expected, paged);
        }
    }

    [Fact]
    public async Task All_terms_must_match_and_phrases_keep_their_order()
    {
        var both = await site.AddAdvisoryAsync(a => a.Body = "alphaword betaword");
        var one = await site.AddAdvisoryAsync(a => a.Body = "alphaword gammaword");
        var reversed = await site.AddAdvisoryAsync(a => a.Body = "betaword alphaword");

        Assert.Equal(new[] { both.Id, reversed.Id }.Order(), (await FindAsync("betaword alphaword")).Order());
        Assert.Equal([both.Id], await FindAsync("\"alphaword betaword\""));
        Assert.Contains(one.Id, await FindAsync("gammaword"));
    }

    [Fact]
    public async Task Withdrawing_or_unpublishing_removes_an_advisory_in_the_same_transaction()
    {
        var advisory = await site.AddAdvisoryAsync(a => a.Body = "withdrawnword");
        Assert.Contains(advisory.Id, await FindAsync("withdrawnword"));

        // A withdrawal that rolls back leaves the index as it was.
        await WithdrawAsync(commit: false);
        Assert.Contains(advisory.Id, await FindAsync("withdrawnword"));

        await WithdrawAsync(commit: true);
        Assert.DoesNotContain(advisory.Id, await FindAsync("withdrawnword"));

        Task WithdrawAsync(bool commit) => site.WithDatabaseAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var stored = await db.Advisories.SingleAsync(a => a.Id == advisory.Id);
            stored.Status = AdvisoryStatus.Withdrawn;
            await db.SaveChangesAsync();
            await Index.UpdateAsync(db, stored);
            if (commit) await transaction.CommitAsync();
            else await transaction.RollbackAsync();
        });
    }

    [Fact]
    public async Task Editing_replaces_the_indexed_text()
    {
        var advisory = await site.AddAdvisoryAsync(a => a.Body = "beforeedit");
        await site.WithDatabaseAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var stored = await db.Advisories.SingleAsync(a => a.Id == advisory.Id);
            stored.Body = "afteredit";
            await db.SaveChangesAsync();
            await Index.UpdateAsync(db, stored);
            await transaction.CommitAsync();
        });
        Assert.DoesNotContain(advisory.Id, await FindAsync("beforeedit"));
        Assert.Contains(advisory.Id, await FindAsync("afteredit"));
    }

    [Fact]
    public async Task Drafts_are_not_found()
    {
        var draft = await site.AddAdvisoryAsync(a => { a.Body = "draftword"; a.Status = AdvisoryStatus.Draft; a.PublishedAt = null; });
        Assert.DoesNotContain(draft.Id, await FindAsync("draftword"));
    }

    [Fact]
    public async Task Filters_narrow_by_language_verdict_platform_and_kind()
    {
        int scamId = 0;
        Platform? telegram = null;
        await site.WithDatabaseAsync(async db =>
        {
            scamId = (await db.Ratings.SingleAsync(r => r.Key == "scam")).Id;
            telegram = await db.Platforms.SingleAsync(p => p.Key == "telegram");
        });
        var match = await site.AddAdvisoryAsync(a => { a.Language = "en"; a.Body = "filterword"; a.RatingId = scamId; a.Platforms = [telegram!]; a.Kind = AdvisoryKind.Alert; });
        var arabic = await site.AddAdvisoryAsync(a => { a.Body = "filterword"; a.RatingId = scamId; a.Platforms = [telegram!]; a.Kind = AdvisoryKind.Alert; });
        var explainer = await site.AddAdvisoryAsync(a => { a.Language = "en"; a.Body = "filterword"; a.Kind = AdvisoryKind.Explainer; });

        Assert.Equal(new[] { match.Id, arabic.Id, explainer.Id }.Order(), (await FindAsync("filterword")).Order());
        Assert.Equal(new[] { match.Id, explainer.Id }.Order(), (await FindAsync("filterword", new SearchFilter("en"))).Order());
        Assert.Equal([match.Id], await FindAsync("filterword", new SearchFilter("en", Verdict: "scam")));
        Assert.Equal([match.Id], await FindAsync("filterword", new SearchFilter("en", Platform: "telegram")));
        Assert.Equal([explainer.Id], await FindAsync("filterword", new SearchFilter("en", Kind: AdvisoryKind.Explainer)));
        Assert.Empty(await FindAsync("filterword", new SearchFilter("uk")));
    }

    [Fact]
    public async Task Pages_split_the_ranked_results_and_count_all_of_them()
    {
        for (var i = 0; i < 7; i++) await site.AddAdvisoryAsync(a => a.Body = "pagedword");
        var pages = new List<SearchResults>();
        await site.WithDatabaseAsync(async db =>
        {
            for (var page = 1; page <= 4; page++)
                pages.Add(await Index.SearchAsync(db, SearchQuery.Parse("pagedword"), new SearchFilter(null), page, 3));
        });
        Assert.Equal([3, 3, 1, 0], pages.Select(p => p.Hits.Count));
        Assert.All(pages, p => Assert.Equal(7, p.Total));
        Assert.Equal(7, pages.SelectMany(p => p.Hits).Select(h => h.Id).Distinct().Count());
    }

    [Fact]
    public async Task An_empty_index_is_rebuilt_from_the_published_advisories()
    {
        var advisory = await site.AddAdvisoryAsync(a => a.Body = "rebuildword");
        var rebuilt = 0;
        var again = -1;
        await site.WithDatabaseAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(DatabaseSetup.Of(db) == DatabaseProvider.Sqlite
                ? "INSERT INTO search_index(search_index) VALUES ('delete-all');"
                : "DELETE FROM search_index;");
            rebuilt = await Index.RebuildIfEmptyAsync(db);
            again = await Index.RebuildIfEmptyAsync(db);
        });
        var published = 0;
        await site.WithDatabaseAsync(async db => published = await db.PublishedAdvisories.CountAsync());

        Assert.Equal(published, rebuilt);
        Assert.Equal(0, again);
        Assert.Contains(advisory.Id, await FindAsync("rebuildword"));
    }
}
