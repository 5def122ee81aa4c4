namespace FactCheck;

/// <summary>What the desk knows about a channel at a point in time (docs/registry.md).</summary>
public enum ChannelStatus
{
    /// <summary>A real channel of an organisation (its bot, its number, its site): the allowlist.</summary>
    Official,
    /// <summary>Once official, no longer used by its organisation (nobody answers for it now).</summary>
    Abandoned,
    /// <summary>Once official or harmless, now in the hands of someone else.</summary>
    Hijacked,
    /// <summary>Used for scams or malware.</summary>
    Malicious,
    /// <summary>Reports disagree; the desk has not settled it.</summary>
    Disputed,
    /// <summary>Looked at, nothing known either way (also: a warning was cleared).</summary>
    Unknown,
}

/// <summary>An organisation whose official channels the registry lists (a ministry, a bank).</summary>
public class Organisation
{
    public int Id { get; set; }
    /// <summary>Stable key for exports and URLs ("mod-ukraine").</summary>
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Website { get; set; }
}

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

/// <summary>One status of a <see cref="RegistryEntry"/>, in force from <see cref="Since"/> until the next one.</summary>
public class StatusRecord
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public ChannelStatus Status { get; set; }
    public DateOnly Since { get; set; }
    /// <summary>Whose channel it is (required for Official; kept on Abandoned/Hijacked to say whose it was).</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>Which channel of the organisation ("support bot", "hotline").</summary>
    public string? Channel { get; set; }
    public string? Note { get; set; }
    /// <summary>Where the desk learned it: a publisher's statement, a CERT advisory…</summary>
    public string? SourceTitle { get; set; }
    public string? SourceUrl { get; set; }
    /// <summary>Set when the status came from one of our advisories (its indicators feed the registry).</summary>
    public Guid? AdvisoryId { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>Every change of a registry entry, with the entry as it was after it (JSON), like advisory revisions.</summary>
public class RegistryRevision
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public int Number { get; set; }
    public DateTime SavedAt { get; set; }
    public string? SavedById { get; set; }
    public string SavedByName { get; set; } = "";
    /// <summary>What was done, in a few words ("status added: hijacked").</summary>
    public string Change { get; set; } = "";
    public string Snapshot { get; set; } = "";
}
