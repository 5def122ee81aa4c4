namespace FactCheck;

/// <summary>
/// Everything the desk knows about one indicator the reader checked: its status on the day asked and
/// since when, the history, the official channel it imitates or that replaced it, the advisories that
/// mention it, and which advice applies (<see cref="AdviceKey"/>).
/// </summary>
public sealed record ChannelAnswer(
    IndicatorType Type, string Value, int? EntryId, StatusPeriod? Current, IReadOnlyList<StatusPeriod> History,
    IReadOnlyList<OfficialChannel> LooksLike, IReadOnlyList<OfficialChannel> Replacements, IReadOnlyList<AdvisoryLink> Advisories)
{
    public string Display => IndicatorNormalizer.Display(Type, Value);

    /// <summary>The status on the day asked, or Unknown for an indicator the registry does not hold.</summary>
    public ChannelStatus Status => Current?.Status ?? ChannelStatus.Unknown;

    /// <summary>Was it official before (and is not now)? Then the answer says until when.</summary>
    public StatusPeriod? FormerlyOfficial =>
        Status == ChannelStatus.Official ? null : History.LastOrDefault(p => p.Status == ChannelStatus.Official && p.Until is not null);

    /// <summary>The resource key of "what to do" for this answer.</summary>
    public string AdviceKey => Current?.Status switch
    {
        ChannelStatus.Official => "Registry.Advice.Official",
        ChannelStatus.Abandoned => "Registry.Advice.Abandoned",
        ChannelStatus.Hijacked => "Registry.Advice.Hijacked",
        ChannelStatus.Malicious => "Registry.Advice.Malicious",
        ChannelStatus.Disputed => "Registry.Advice.Disputed",
        _ when LooksLike.Count > 0 => "Registry.Advice.LookAlike",
        _ when Advisories.Count > 0 => "Registry.Advice.Warned",
        _ => "Registry.Advice.NotListed",
    };
}
