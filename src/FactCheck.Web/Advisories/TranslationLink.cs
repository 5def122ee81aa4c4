namespace FactCheck;

public sealed record TranslationLink(SiteLanguage Language, string Path, string Title);
