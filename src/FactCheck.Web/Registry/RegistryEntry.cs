namespace FactCheck;

/// <summary>
/// One normalized indicator (phone, link, domain, e-mail, handle, wallet) and its history of statuses.
/// The value is the <see cref="IndicatorNormalizer"/> form, so it matches advisories' indicators and
/// whatever a reader pastes.
/// </summary>
public class RegistryEntry
{
    public int Id { get; set; }
    public IndicatorType Type { get; set; }
    /// <summary>Canonical form (E.164 for phones, lowercase @name for handles…).</summary>
    public string Value { get; set; } = "";
    /// <summary>For phones: <see cref="IndicatorNormalizer.PhoneLookupKey"/>, so national forms are found through an index.</summary>
    public string? PhoneKey { get; set; }
    /// <summary>What the channel calls itself ("Reserve+ | Support"), for editors and exports.</summary>
    public string? Label { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency, as for advisories: two editors changing one entry conflict.</summary>
    public int Version { get; set; }
    public List<StatusRecord> History { get; set; } = [];

    /// <summary>The statuses in force order: by date, then in the order they were recorded.</summary>
    public IEnumerable<StatusRecord> Timeline => History.OrderBy(s => s.Since).ThenBy(s => s.Id);

    /// <summary>The status in force on <paramref name="date"/>, or null before the first one.</summary>
    public StatusRecord? StatusOn(DateOnly date) => Timeline.LastOrDefault(s => s.Since <= date);

    /// <summary>The day the status after <paramref name="record"/> took over, or null while it is in force.</summary>
    public DateOnly? EndOf(StatusRecord record)
    {
        var ordered = Timeline.ToList();
        var index = ordered.IndexOf(record);
        return index >= 0 && index + 1 < ordered.Count ? ordered[index + 1].Since : null;
    }
}
