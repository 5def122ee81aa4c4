namespace FactCheck;

public enum FeedFacet { All, Verdict, Platform, Tag }
