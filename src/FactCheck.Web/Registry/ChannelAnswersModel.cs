namespace FactCheck;

public sealed record ChannelAnswersModel(SiteLanguage Language, IReadOnlyList<ChannelAnswer> Answers);
