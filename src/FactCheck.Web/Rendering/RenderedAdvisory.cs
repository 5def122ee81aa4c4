namespace FactCheck;

/// <summary>The stored rendering of one advisory (table RenderedAdvisories, one row per advisory).</summary>
public class RenderedAdvisory
{
    public Guid AdvisoryId { get; set; }
    /// <summary><see cref="RenderedHtml.Current"/> when it was rendered.</summary>
    public string RendererVersion { get; set; } = "";
    /// <summary>The body as HTML, safe to emit raw.</summary>
    public string BodyHtml { get; set; } = "";
    /// <summary><see cref="AdvisoryParts"/> as JSON.</summary>
    public string Parts { get; set; } = "";
}
