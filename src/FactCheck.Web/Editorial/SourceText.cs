namespace FactCheck;

/// <summary>A source text shown beside the input that translates it (Areas/Admin/Views/AdvisoryEditor/_SourceText.cshtml).</summary>
public sealed record SourceText(SiteLanguage Language, string Text);
