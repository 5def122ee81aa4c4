namespace FactCheck;

/// <summary>The "Database" configuration section.</summary>
public class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Required for Postgres; for Sqlite the default is {DataPath}/factcheck.db.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>
    /// SQLite: how long a write waits for another writer before the editor is told the database is busy
    /// (Microsoft.Data.Sqlite's own default, 30 s, outlasts any editor's patience). Not used when the
    /// connection string sets "Default Timeout" itself.
    /// </summary>
    public int BusyTimeoutSeconds { get; set; } = 5;
}
