namespace FactCheck;

/// <summary>Why an upload is refused; the back-office shows Media.Error.{problem} in the editor's language.</summary>
public enum MediaProblem { Empty, TooLarge, NotAnImage, Renamed, Disguised, TooManyPixels, Unreadable, HeicUnsupported }
