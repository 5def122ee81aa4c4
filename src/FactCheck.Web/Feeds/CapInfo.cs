namespace FactCheck;

/// <summary>One &lt;info&gt; block: an alert in one language, with values from the CAP 1.2 enumerations.</summary>
public sealed record CapInfo(
    string Language, string Event, string Urgency, string Severity, string Certainty, DateTime Expires,
    string SenderName, string Headline, string Description, string? Instruction, string Web,
    string? VerdictKey, FeedImage? Image);
