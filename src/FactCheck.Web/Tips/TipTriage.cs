using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// The triage queue: open tips grouped into clusters (union of tips sharing any indicator, or whose
/// screenshots are near duplicates by <see cref="PerceptualHash.AreSimilar"/>), largest first, with the
/// advisories that already cover them; and a cluster turned into a draft advisory.
/// </summary>
public sealed class TipTriage(
    AppDbContext db, RegistryCheck registry, AdvisoryWorkflow workflow, ScreenshotProcessor processor, MediaLibrary library,
    TipFiles files, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>The queue reads at most this many open tips, newest first.</summary>
    public const int QueueLimit = 1000;

    public async Task<IReadOnlyList<TipCluster>> ClustersAsync(CancellationToken cancellationToken = default)
    {
        var open = await db.Tips.AsNoTracking().Include(t => t.Indicators).Where(t => t.State == TipState.New)
            .OrderByDescending(t => t.ReceivedAt).Take(QueueLimit).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var clusters = new List<TipCluster>();
        foreach (var group in Group(open).OrderByDescending(g => g.Count).ThenByDescending(g => g.Max(t => t.ReceivedAt)))
            clusters.Add(await DescribeAsync(group, today, cancellationToken));
        return clusters;
    }

    /// <summary>Union-find over the tips: shared (type, value) or similar screenshot hashes.</summary>
    public static List<List<Tip>> Group(IReadOnlyList<Tip> tips)
    {
        var parent = Enumerable.Range(0, tips.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Union(int a, int b) => parent[Find(a)] = Find(b);

        var firstWith = new Dictionary<(IndicatorType, string), int>();
        for (var i = 0; i < tips.Count; i++)
            foreach (var key in tips[i].Indicators.Select(ClusterKey))
                if (firstWith.TryGetValue(key, out var other)) Union(i, other);
                else firstWith[key] = i;
        for (var i = 0; i < tips.Count; i++)
            for (var j = i + 1; j < tips.Count; j++)
                if (tips[i].ScreenshotHash is { } a && tips[j].ScreenshotHash is { } b && PerceptualHash.AreSimilar(a, b)) Union(i, j);

        return Enumerable.Range(0, tips.Count).GroupBy(Find).Select(g => g.Select(i => tips[i]).ToList()).ToList();
    }

    /// <summary>
    /// What two tips must share: the same value, or for phones the same last digits (one reader types
    /// +380 93…, another 093…; see <see cref="IndicatorNormalizer.PhoneLookupKey"/>).
    /// </summary>
    private static (IndicatorType, string) ClusterKey(TipIndicator indicator) =>
        (indicator.Type, indicator.Type == IndicatorType.Phone ? IndicatorNormalizer.PhoneLookupKey(indicator.Value) : indicator.Value);

    private async Task<TipCluster> DescribeAsync(List<Tip> tips, DateOnly today, CancellationToken cancellationToken)
    {
        var indicators = tips.SelectMany(t => t.Indicators.Select(i => (i.Type, i.Value, t.Id))).Distinct()
            .GroupBy(i => (i.Type, i.Value)).Select(g => (g.Key.Type, g.Key.Value, Tips: g.Count()))
            .OrderByDescending(i => i.Tips).ThenBy(i => i.Type).ToList();
        var answers = await registry.AnswerAsync(indicators.Select(i => (i.Type, i.Value)).ToList(), today, cancellationToken);
        var shots = new List<SimilarScreenshot>();
        foreach (var hash in tips.Select(t => t.ScreenshotHash).OfType<long>().Distinct())
            shots.AddRange(await SimilarScreenshots.FindAsync(db, hash, Guid.Empty, cancellationToken));
        return new TipCluster(tips.OrderBy(t => t.ReceivedAt).ToList(), indicators,
            answers.SelectMany(a => a.Advisories).DistinctBy(a => a.Id).ToList(), shots.DistinctBy(s => s.Screenshot.Id).ToList());
    }

    /// <summary>
    /// A draft advisory (alert, in the language most of the tips were sent in) with the cluster's indicators and
    /// its screenshots as the editors redacted them; the tips are marked as drafted and linked to it.
    /// </summary>
    public async Task<(Outcome Outcome, Guid? AdvisoryId)> DraftAsync(IReadOnlyList<Guid> tipIds, Actor actor, bool canPublish, CancellationToken cancellationToken = default)
    {
        var tips = await db.Tips.Include(t => t.Indicators).Where(t => tipIds.Contains(t.Id) && t.State == TipState.New).ToListAsync(cancellationToken);
        if (tips.Count == 0) return (Outcome.NotFound, null);
        var language = SiteLanguage.Find(tips.GroupBy(t => t.Language).OrderByDescending(g => g.Count()).First().Key) ?? SiteLanguage.Default;

        var form = DraftForm(tips, language);
        var created = await workflow.CreateAsync(form, actor);
        if (created.Outcome != Outcome.Done) return (created.Outcome, null);
        var advisoryId = created.Advisory!.Id;

        foreach (var tip in tips.Where(t => t.ScreenshotFile is not null).DistinctBy(t => t.ScreenshotFile).Take(6))
            await AttachScreenshotAsync(advisoryId, tip, language, actor, canPublish, cancellationToken);

        db.ChangeTracker.Clear();
        var ids = tips.Select(t => t.Id).ToList();
        await db.Tips.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(set => set.SetProperty(t => t.State, TipState.Drafted).SetProperty(t => t.AdvisoryId, advisoryId), cancellationToken);
        audit.Add(AuditAction.TipsDrafted, $"advisory {advisoryId}", $"{tips.Count} tips");
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, advisoryId);
    }

    private AdvisoryForm DraftForm(List<Tip> tips, SiteLanguage language)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            var indicators = tips.SelectMany(t => t.Indicators).Select(i => (i.Type, i.Value)).Distinct()
                // Only what is a valid indicator on its own: a national number without its country is left to the editor.
                .Where(i => IndicatorNormalizer.Normalize(i.Type, i.Value).IsValid).Take(200).ToList();
            var first = indicators.Count > 0 ? IndicatorNormalizer.Display(indicators[0].Type, indicators[0].Value) : "";
            var quotes = tips.Where(t => t.Text.Length > 0).Take(5)
                .Select(t => "> " + (t.Text.Length > 500 ? t.Text[..500] + "…" : t.Text).Replace("\n", "\n> ", StringComparison.Ordinal));
            return new AdvisoryForm
            {
                Kind = nameof(AdvisoryKind.Alert),
                Language = language.Code,
                // The advisory title holds 300 characters; a long link is cut rather than the draft refused.
                Title = Cut(string.Format(language.Culture, text["Tips.Draft.Title"], first, tips.Count).Trim(), 300),
                Summary = string.Format(language.Culture, text["Tips.Draft.Summary"], tips.Count),
                Body = string.Format(language.Culture, text["Tips.Draft.Body"], tips.Count) + "\n\n" + string.Join("\n\n", quotes),
                Indicators = indicators.Select(i => new AdvisoryForm.IndicatorRow { Type = i.Type.ToString(), Value = i.Value }).ToList(),
            };
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";

    /// <summary>The tip's screenshot (its redactions already burnt in) as the draft's public renditions.</summary>
    private async Task AttachScreenshotAsync(Guid advisoryId, Tip tip, SiteLanguage language, Actor actor, bool canPublish, CancellationToken cancellationToken)
    {
        if (await files.ReadAsync(tip.ScreenshotFile, cancellationToken) is not { } png) return;
        var image = await processor.PublishStagedAsync(png, tip.ScreenshotHash ?? 0, cancellationToken);
        var stored = await library.StoreVariantsAsync(image, cancellationToken);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language.Culture;
        var alt = text["Tips.Draft.ScreenshotAlt"].Value;
        CultureInfo.CurrentUICulture = previous;
        await workflow.ChangeScreenshotsAsync(advisoryId, actor, canPublish, AuditAction.ScreenshotAdded, advisory =>
        {
            advisory.Screenshots.Add(new Screenshot
            {
                Position = advisory.Screenshots.Count, AltText = alt, Width = image.Width, Height = image.Height,
                PerceptualHash = tip.ScreenshotHash ?? image.PerceptualHash, Redactions = tip.Redactions, Files = stored,
            });
            return Task.FromResult<string?>($"{alt} (tip {tip.Id})");
        });
    }
}
