namespace FactCheck;

/// <summary>Another advisory telling the same story; <paramref name="OutOfDate"/> when it is a translation whose source changed since.</summary>
public sealed record TranslationMember(Guid Id, string Title, SiteLanguage Language, AdvisoryStatus Status, bool IsSourceOfThis, bool IsTranslationOfThis, bool OutOfDate);
