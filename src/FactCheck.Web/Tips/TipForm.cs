namespace FactCheck;

/// <summary>The tip form as the reader filled it in (strings: a refused form comes back as typed).</summary>
public sealed class TipForm
{
    public string? Text { get; set; }
    public string? Contact { get; set; }
    public string? WantsReply { get; set; }
    public string? Consent { get; set; }
    /// <summary>The honeypot: hidden from people, filled in by form-spamming bots.</summary>
    public string? Website { get; set; }

    public bool IsSpam => !string.IsNullOrWhiteSpace(Website);
}
