namespace FactCheck;

public enum FeedFormat { Rss, Atom, Json }
