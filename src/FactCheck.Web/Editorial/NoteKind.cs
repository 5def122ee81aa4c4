namespace FactCheck;

public enum NoteKind
{
    /// <summary>Written by someone on the desk.</summary>
    Comment,
    /// <summary>Why the advisory went back from review to draft (required with that action).</summary>
    SentBack,
    /// <summary>Written by the scheduler: the advisory could not be published at its time; Text is the reason's resource key.</summary>
    PublishFailed,
}
