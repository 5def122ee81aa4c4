namespace FactCheck;

/// <summary>Where content comes from: the rules are the same, but the back-office picks from lists that a content file names freely.</summary>
public enum ContentOrigin { Editor, ContentFile }
