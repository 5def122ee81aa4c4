namespace FactCheck;

/// <param name="Language">Only advisories in this language; null for all languages.</param>
/// <param name="Verdict">A rating key ("scam").</param>
/// <param name="Platform">A platform key ("whatsapp").</param>
public sealed record SearchFilter(string? Language, string? Verdict = null, string? Platform = null, AdvisoryKind? Kind = null);
