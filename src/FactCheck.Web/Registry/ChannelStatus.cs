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
