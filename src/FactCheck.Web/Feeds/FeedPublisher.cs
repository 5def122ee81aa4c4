namespace FactCheck;

/// <param name="AboutUrl">The public page that documents the rating numbers (the methodology page).</param>
public sealed record FeedPublisher(string Name, string Url, string AboutUrl);
