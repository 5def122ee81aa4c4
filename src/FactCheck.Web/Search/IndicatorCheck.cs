using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <param name="Candidates">What the input was read as: (type, normalized value) pairs.</param>
/// <param name="Matches">Published advisories listing one of them, newest first; one entry per advisory.</param>
public sealed record IndicatorCheckResult(IReadOnlyList<(IndicatorType Type, string Value)> Candidates, IReadOnlyList<IndicatorMatch> Matches);

/// <summary>A published advisory and the indicator of it that matched.</summary>
public sealed record IndicatorMatch(
    Guid AdvisoryId, string Title, string Language, string Slug, AdvisoryKind Kind, Rating? Rating,
    DateTime PublishedAt, DateTime UpdatedAt, IndicatorType Type, string Raw);

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
        if (candidates.Count == 0) return new(candidates, []);

        var published = db.Indicators.Where(i => i.Advisory!.Status == AdvisoryStatus.Published);
        var found = new List<Row>();

        var exact = candidates.Where(c => c.Type != IndicatorType.Phone).ToList();
        if (exact.Count > 0)
        {
            var values = exact.Select(c => c.Value).Distinct().ToList();
            var rows = await Select(published.Where(i => i.Type != IndicatorType.Phone && values.Contains(i.Normalized))).ToListAsync(cancellationToken);
            found.AddRange(rows.Where(r => exact.Contains((r.Type, r.Normalized))));
        }

        var phones = candidates.Where(c => c.Type == IndicatorType.Phone).Select(c => c.Value).ToList();
        foreach (var key in phones.Select(IndicatorNormalizer.PhoneLookupKey).Where(k => k.Length > 0).Distinct())
        {
            var rows = await Select(published.Where(i => i.Type == IndicatorType.Phone && i.Normalized.EndsWith(key))).ToListAsync(cancellationToken);
            found.AddRange(rows.Where(r => phones.Any(p => IndicatorNormalizer.PhoneMatches(r.Normalized, p))));
        }

        var matches = found
            .GroupBy(r => r.AdvisoryId)
            .Select(g => g.First())
            .OrderByDescending(r => r.PublishedAt).ThenBy(r => r.AdvisoryId)
            .Select(r => new IndicatorMatch(r.AdvisoryId, r.Title, r.Language, r.Slug, r.Kind, r.Rating, r.PublishedAt, r.UpdatedAt, r.Type, r.Raw))
            .ToList();
        return new(candidates, matches);
    }

    private sealed record Row(
        Guid AdvisoryId, string Title, string Language, string Slug, AdvisoryKind Kind, Rating? Rating,
        DateTime PublishedAt, DateTime UpdatedAt, IndicatorType Type, string Raw, string Normalized);

    private static IQueryable<Row> Select(IQueryable<Indicator> indicators) =>
        indicators.Select(i => new Row(
            i.AdvisoryId, i.Advisory!.Title, i.Advisory.Language, i.Advisory.Slug, i.Advisory.Kind, i.Advisory.Rating,
            i.Advisory.PublishedAt!.Value, i.Advisory.UpdatedAt, i.Type, i.Raw, i.Normalized));
}
