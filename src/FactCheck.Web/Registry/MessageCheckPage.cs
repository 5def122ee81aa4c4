namespace FactCheck;

public sealed class MessageCheckPage : PublicPage
{
    /// <summary>What the reader pasted, back in the box (never stored, never in a URL).</summary>
    public string Message { get; init; } = "";
    public bool FromScreenshot { get; init; }
    /// <summary>What OCR read in the screenshot; null when it could not run.</summary>
    public string? ScreenshotText { get; init; }
    public IReadOnlyList<ChannelAnswer> Answers { get; init; } = [];
    /// <summary>Published advisories showing a screenshot that looks like the reader's.</summary>
    public IReadOnlyList<SimilarScreenshot> Covered { get; init; } = [];
    /// <summary>The tip form under the answer, the message already in it, to send it on if the reader wants.</summary>
    public required ReportPage Tip { get; init; }
}
