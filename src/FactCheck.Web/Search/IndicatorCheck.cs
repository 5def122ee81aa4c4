using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// The reader's "check a number, link or handle": <see cref="IndicatorNormalizer.Candidates"/> reads the
/// input in every way it could be meant, and stored indicators are compared by their normalized form.
/// Links, domains, e-mails, handles and wallets are equal-or-not (an indexed lookup); phone numbers
/// can be written in national form, so stored phones are narrowed by their last digits
/// (<see cref="IndicatorNormalizer.PhoneLookupKey"/>) and confirmed by <see cref="IndicatorNormalizer.PhoneMatches"/>.
/// </summary>
public static class IndicatorCheck
{
    public static async Task<IndicatorCheckResult> FindAsync(AppDbContext db, string input, CancellationToken cancellationToken = default)
    {
        var candidates = IndicatorNormalizer.Candidates(input);
        var found = await MatchingIndicatorsAsync(db, candidates, cancellationToken);
        if (found.Count == 0) return new(candidates, []);

        var ids = found.Select(r => r.AdvisoryId).Distinct().ToList();
        var advisories = await db.PublishedAdvisories.Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Language, a.Slug, a.Kind, a.Rating, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt, a.TranslationKey })
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        var matches = found
            .Where(r => advisories.ContainsKey(r.AdvisoryId))
            .GroupBy(r => r.AdvisoryId)
            .Select(g => (Advisory: advisories[g.Key], Indicator: g.First()))
            .OrderByDescending(m => m.Advisory.PublishedAt).ThenBy(m => m.Advisory.Id)
            .Select(m => new IndicatorMatch(m.Advisory.Id, m.Advisory.Title, m.Advisory.Language, m.Advisory.Slug, m.Advisory.Kind,
                m.Advisory.Rating, m.Advisory.PublishedAt, m.Advisory.UpdatedAt, m.Indicator.Type, m.Indicator.Raw, m.Advisory.TranslationKey))
            .ToList();
        return new(candidates, matches);
    }

    /// <summary>
    /// The advisories, whatever their status, listing an indicator <paramref name="input"/> can be read as: the
    /// back-office search finds drafts by a handle or number typed any way, exactly as the check page does.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> AdvisoriesListingAsync(AppDbContext db, string input, CancellationToken cancellationToken = default) =>
        (await MatchingIndicatorsAsync(db, IndicatorNormalizer.Candidates(input), cancellationToken)).Select(r => r.AdvisoryId).Distinct().ToList();

    /// <summary>Stored indicators equal to one of the candidates (phones: the same number in national or international form).</summary>
    private static async Task<List<Row>> MatchingIndicatorsAsync(
        AppDbContext db, IReadOnlyList<(IndicatorType Type, string Value)> candidates, CancellationToken cancellationToken)
    {
        // First the indicators alone (narrow rows, indexed columns), then the few advisories they belong to:
        // joined in one query, SQLite may walk every published advisory to find them.
        var found = new List<Row>();
        var exact = candidates.Where(c => c.Type != IndicatorType.Phone).ToList();
        if (exact.Count > 0)
        {
            var values = exact.Select(c => c.Value).Distinct().ToList();
            var rows = await Select(db.Indicators.Where(i => values.Contains(i.Normalized))).ToListAsync(cancellationToken);
            found.AddRange(rows.Where(r => exact.Contains((r.Type, r.Normalized))));
        }

        var phones = candidates.Where(c => c.Type == IndicatorType.Phone).Select(c => c.Value).ToList();
        foreach (var key in phones.Select(IndicatorNormalizer.PhoneLookupKey).Where(k => k.Length > 0).Distinct())
        {
            // A suffix cannot use an index range; IX_Indicators_Type_Normalized keeps the scan to phone entries.
            var rows = await Select(db.Indicators.Where(i => i.Type == IndicatorType.Phone && i.Normalized.EndsWith(key))).ToListAsync(cancellationToken);
            found.AddRange(rows.Where(r => phones.Any(p => IndicatorNormalizer.PhoneMatches(r.Normalized, p))));
        }
        return found;
    }

    private sealed record Row(Guid AdvisoryId, IndicatorType Type, string Raw, string Normalized);

    private static IQueryable<Row> Select(IQueryable<Indicator> indicators) =>
        indicators.Select(i => new Row(i.AdvisoryId, i.Type, i.Raw, i.Normalized));
}
