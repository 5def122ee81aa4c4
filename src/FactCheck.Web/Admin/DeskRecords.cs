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

/// <summary>A note in an advisory's desk thread. Only the back-office shows it: never a public page, feed or export.</summary>
public class AdvisoryNote
{
    public long Id { get; set; }
    public Guid AdvisoryId { get; set; }
    public NoteKind Kind { get; set; }
    /// <summary>Null for the scheduler.</summary>
    public string? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>Who on the desk looks after an advisory now (one person at a time, or nobody).</summary>
public class Assignment
{
    public Guid AdvisoryId { get; set; }
    public string UserId { get; set; } = "";
    public EditorUser? User { get; set; }
    public DateTime AssignedAt { get; set; }
    public string AssignedByName { get; set; } = "";
}

/// <summary>
/// An old tag name or platform key that now means another one (after a rename or a merge): public lists
/// and feeds filtered by it answer 301 with the new one, so links and feed subscriptions keep working.
/// </summary>
public class TaxonomyRedirect
{
    public const string TagKind = "tag";
    public const string PlatformKind = "platform";

    /// <summary><see cref="TagKind"/> or <see cref="PlatformKind"/>.</summary>
    public string Kind { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
