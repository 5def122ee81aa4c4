namespace FactCheck;

/// <summary>The "ContentVersion" section: how an instance learns of changes made through another one.</summary>
public sealed class ContentVersionOptions
{
    /// <summary>
    /// How often the number is read: on SQLite (several processes on one machine) this is the delay after
    /// which another process's change is shown; on PostgreSQL, where changes are announced with
    /// NOTIFY, only a safety net for a dropped listening connection.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
