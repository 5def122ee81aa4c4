namespace FactCheck;

/// <summary>
/// One signed-in browser. The sign-in cookie names its session; a session that was ended (signed out,
/// or ended by an Admin) or has been idle longer than the cookie lives is refused at the next request,
/// so a copied cookie stops working when its owner signs out.
/// </summary>
public class EditorSession
{
    /// <summary>128 random bits, hex: only ever in the encrypted cookie and in this table.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Updated at most once a minute (<see cref="EditorSessions.TouchInterval"/>).</summary>
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>Why it ended: "signed out", or the Admin who ended it.</summary>
    public string? EndedBy { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}
