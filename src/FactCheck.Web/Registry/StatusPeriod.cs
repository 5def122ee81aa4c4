namespace FactCheck;

/// <summary>One status of an indicator's history as readers see it, with the day it ended (null: still in force).</summary>
public sealed record StatusPeriod(
    ChannelStatus Status, DateOnly Since, DateOnly? Until, string? Organisation, string? Channel,
    string? Note, string? SourceTitle, string? SourceUrl, AdvisoryLink? Advisory);
