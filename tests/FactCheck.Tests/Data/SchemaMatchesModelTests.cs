using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactCheck.Tests.Data;

/// <summary>
/// The schema is built by hand-written SQL scripts (see SchemaMigrator). This proves that a database
/// migrated by those scripts has exactly the tables, columns, indexes and foreign keys that the EF
/// model would create itself, so the scripts and the model cannot drift apart unnoticed.
/// </summary>
public sealed class SchemaMatchesModelTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "factcheck-schema", Guid.NewGuid().ToString("N"));

    public SchemaMatchesModelTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task Migrated_sqlite_database_matches_the_model()
    {
        var migrated = Path.Combine(folder, "migrated.db");
        var expected = Path.Combine(folder, "expected.db");

        await using (var db = Context(migrated))
            await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await using (var db = Context(expected))
            await db.Database.EnsureCreatedAsync();

        var modelSchema = Describe(expected);
        var migratedSchema = Describe(migrated);

        foreach (var (table, description) in modelSchema)
        {
            Assert.True(migratedSchema.ContainsKey(table), $"the migration scripts do not create table {table}");
            Assert.Equal(description, migratedSchema[table]);
        }
        var extra = migratedSchema.Keys.Except(modelSchema.Keys).Where(t => !IsOutsideModel(migrated, t)).ToList();
        Assert.True(extra.Count == 0, "tables created by scripts but missing from the model: " + string.Join(", ", extra));
    }

    [Fact]
    public async Task Migrating_twice_applies_each_script_once()
    {
        var path = Path.Combine(folder, "twice.db");
        await using (var db = Context(path))
            await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await using (var db = Context(path))
            await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

        using var connection = Open(path);
        var ids = Rows(connection, "SELECT id FROM schema_migrations").Select(r => r[0]).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal("wal", Rows(connection, "PRAGMA journal_mode")[0][0]);
    }

    private static AppDbContext Context(string path)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { ConnectionString = $"Data Source={path};Pooling=False" }, "");
        return new AppDbContext(builder.Options);
    }

    /// <summary>Tables the scripts may add that EF does not model: the migrations ledger and full-text index tables.</summary>
    private static bool IsOutsideModel(string path, string table)
    {
        if (table == "schema_migrations") return true;
        using var connection = Open(path);
        var virtualTables = Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
            .Select(r => r[0]).ToList();
        return virtualTables.Any(v => table == v || table.StartsWith(v + "_", StringComparison.Ordinal));
    }

    /// <summary>Per table: columns (name, type, not-null, default, pk), indexes (name, unique, columns) and foreign keys.</summary>
    private static Dictionary<string, string> Describe(string path)
    {
        using var connection = Open(path);
        var tables = Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").Select(r => r[0]);
        var result = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var columns = Rows(connection, $"PRAGMA table_info({quoted})")
                .Select(r => $"{r[1]} {r[2]} notnull={r[3]} default={r[4]} pk={r[5]}").Order(StringComparer.Ordinal);
            var indexes = Rows(connection, $"PRAGMA index_list({quoted})")
                .Where(r => r[3] != "pk")
                .Select(r => $"{r[1]} unique={r[2]} ({string.Join(",", Rows(connection, $"PRAGMA index_info(\"{r[1]}\")").Select(c => c[2]))})")
                .Order(StringComparer.Ordinal);
            var keys = Rows(connection, $"PRAGMA foreign_key_list({quoted})")
                .Select(r => $"{r[3]} -> {r[2]}.{r[4]} on delete {r[6]}").Order(StringComparer.Ordinal);
            result[table] = string.Join("\n", columns.Concat(indexes).Concat(keys));
        }
        return result;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static List<string[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
