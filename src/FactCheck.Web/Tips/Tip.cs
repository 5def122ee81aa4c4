namespace FactCheck;

/// <summary>
/// What a reader sent through /{lang}/report. Private: only the back-office sees it, the contact only
/// Editors and Admins; deleted with its screenshot after the retention period (Tips/TipRetention.cs).
/// </summary>
public class Tip
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTime ReceivedAt { get; set; }
    /// <summary>The language of the form the reader used.</summary>
    public string Language { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>Optional: how to reach the reader (e-mail, phone, handle).</summary>
    public string? Contact { get; set; }
    /// <summary>The reader asked to be told by e-mail when we publish about it (Contact is then an e-mail address).</summary>
    public bool WantsReply { get; set; }
    /// <summary>The private, metadata-free PNG in {DataPath}/tips, by content hash; null without a screenshot.</summary>
    public string? ScreenshotFile { get; set; }
    public long? ScreenshotHash { get; set; }
    public int? ScreenshotWidth { get; set; }
    public int? ScreenshotHeight { get; set; }
    /// <summary>Rectangles an editor blacked out, as in <see cref="Screenshot.Redactions"/>.</summary>
    public string? Redactions { get; set; }
    /// <summary>What OCR read in the screenshot (indicators are extracted from it too).</summary>
    public string? ScreenshotText { get; set; }
    public TipState State { get; set; }
    /// <summary>The draft advisory made from this tip's cluster.</summary>
    public Guid? AdvisoryId { get; set; }
    /// <summary>Set when that advisory is published and the reader wants a reply; cleared by sending.</summary>
    public DateTime? ReplyDueAt { get; set; }
    public DateTime? ReplySentAt { get; set; }
    public List<TipIndicator> Indicators { get; set; } = [];
}
