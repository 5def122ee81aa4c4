using Microsoft.EntityFrameworkCore;

namespace FactCheck;

public static class DatabaseSetup
{
    public static DatabaseProvider Of(AppDbContext db) =>
        db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static IServiceCollection AddFactCheckDatabase(this IServiceCollection services, IConfiguration configuration, string dataPath)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Pooled: creating a context per request was a measurable part of an uncached page (bench/README.md).
        services.AddDbContextPool<AppDbContext>(builder => Configure(builder, options, dataPath));
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
