using Microsoft.EntityFrameworkCore;

namespace FactCheck;

public enum DatabaseProvider { Sqlite, Postgres }

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

public static class DatabaseSetup
{
    public static DatabaseProvider Of(AppDbContext db) =>
        db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static IServiceCollection AddFactCheckDatabase(this IServiceCollection services, IConfiguration configuration, string dataPath)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddDbContext<AppDbContext>(builder => Configure(builder, options, dataPath));
        services.AddScoped<SchemaMigrator>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string dataPath)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString
                    ?? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres."));
                break;
            default:
                var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString ?? $"Data Source={Path.Combine(dataPath, "factcheck.db")}");
                if (options.ConnectionString?.Contains("timeout", StringComparison.OrdinalIgnoreCase) != true) sqlite.DefaultTimeout = options.BusyTimeoutSeconds;
                builder.UseSqlite(sqlite.ConnectionString);
                break;
        }
    }
}
