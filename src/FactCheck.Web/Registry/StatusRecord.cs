namespace FactCheck;

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
