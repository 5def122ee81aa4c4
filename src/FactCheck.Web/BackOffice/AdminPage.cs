namespace FactCheck;

/// <summary>What the back-office layout needs from every page's view model.</summary>
public abstract class AdminPage
{
    public required string Title { get; init; }
    /// <summary>A one-line confirmation shown at the top ("Published."), after a redirect.</summary>
    public string? Notice { get; init; }
    /// <summary>
    /// A name from the database inside <see cref="Title"/> (an advisory's title): the page heading isolates it in
    /// a &lt;bdi&gt; with its own language and direction, so an Arabic title in an English heading reads in order.
    /// </summary>
    public string? Subject { get; init; }
    public string? SubjectLanguage { get; init; }
}
