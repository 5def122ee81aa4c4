namespace FactCheck;

/// <summary>The "Database" configuration section.</summary>
public class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Required for Postgres; for Sqlite the default is {DataPath}/factcheck.db.</summary>
    public string? ConnectionString { get; set; }
}
