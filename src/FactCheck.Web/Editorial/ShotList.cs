namespace FactCheck;

/// <summary>The editor's list of screenshots (Areas/Admin/Views/AdvisoryEditor/_ShotList.cshtml), on the page and after a change made in place.</summary>
public sealed record ShotList(Guid AdvisoryId, IReadOnlyList<Screenshot> Shots, bool MayEdit, SiteLanguage ContentLanguage, TranslationSource? Source);
