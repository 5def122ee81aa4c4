using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FactCheck.Tests;

/// <summary>
/// The database a test site runs on. By default a real SQLite file in the site's data folder. When
/// FACTCHECK_TEST_POSTGRES holds a connection string to a PostgreSQL server (script/test starts a
/// throwaway cluster and runs the suite a second time with it), a fresh database on that server,
/// dropped again on dispose, so every factory starts as empty as a new SQLite file does.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "FACTCHECK_TEST_POSTGRES";

    /// <summary>The server of the PostgreSQL run, or null on the SQLite run.</summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    /// <summary>The provider this test run is for.</summary>
    public static DatabaseProvider RunProvider => PostgresServer is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.postgresName = postgresName;
    }

    /// <summary>A new, empty database for this run's provider; the SQLite file goes in <paramref name="folder"/>.</summary>
    public static TestDatabase Create(string folder, string name = "factcheck.db")
    {
        if (PostgresServer is not { } server)
        {
            Directory.CreateDirectory(folder);
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, name)}", null);
        }
        var database = "factcheck_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\";", connection);
            command.ExecuteNonQuery();
        }
        return new TestDatabase(DatabaseProvider.Postgres,
            new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString, database);
    }

    /// <summary>The Database:… settings that point the site at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Database:Provider", Provider.ToString()),
        new("Database:ConnectionString", ConnectionString),
    ];

    /// <summary>A context on this database outside any site (schema tests).</summary>
    public AppDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = Provider, ConnectionString = ConnectionString }, "");
        return new AppDbContext(builder.Options);
    }

    public void Dispose()
    {
        if (postgresName is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }
        // Pooled connections of the site would keep the database open; FORCE ends any left over.
        using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE);", connection);
        command.ExecuteNonQuery();
    }
}
