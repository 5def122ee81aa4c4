namespace FactCheck;

/// <param name="IsTranslation">True when the target is the same story in that language (worth an hreflang alternate).</param>
public sealed record LanguageLink(SiteLanguage Language, string Path, bool IsTranslation);
