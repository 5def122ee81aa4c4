namespace FactCheck;

/// <summary>An unguessable, revocable link that shows a draft to someone without an account.</summary>
public class PreviewLink
{
    public int Id { get; set; }
    public Guid AdvisoryId { get; set; }
    /// <summary>32 random bytes, base64url: the whole secret is in the URL.</summary>
    public string Token { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
}
