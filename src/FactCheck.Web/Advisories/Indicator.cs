namespace FactCheck;

/// <summary>A searchable fact of a scam: a phone number, link, handle… stored as typed and normalized.</summary>
public class Indicator
{
    public int Id { get; set; }
    public Guid AdvisoryId { get; set; }
    public Advisory? Advisory { get; set; }
    public IndicatorType Type { get; set; }
    /// <summary>As the editor typed it (or as it appeared in the scam).</summary>
    public string Raw { get; set; } = "";
    /// <summary>Canonical form from <see cref="IndicatorNormalizer"/>; lookups compare this.</summary>
    public string Normalized { get; set; } = "";
    /// <summary>ISO 3166 country for phone numbers written in national form.</summary>
    public string? Country { get; set; }
    public DateOnly? FirstSeen { get; set; }
    public DateOnly? LastSeen { get; set; }
}
