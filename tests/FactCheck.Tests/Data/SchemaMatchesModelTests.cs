using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactCheck.Tests.Data;

/// <summary>
/// The schema is built by hand-written SQL scripts (see SchemaMigrator), one set per provider. This proves
/// that a database migrated by the scripts of this run's provider (SQLite, or PostgreSQL on script/test's
/// second run) has exactly the tables, columns, indexes and keys the EF model would create itself, so the
/// scripts and the model cannot drift apart unnoticed.
/// </summary>
public sealed class SchemaMatchesModelTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "factcheck-schema", Guid.NewGuid().ToString("N"));
    private readonly List<TestDatabase> databases = [];

    private TestDatabase NewDatabase(string name)
    {
        var database = TestDatabase.Create(folder, name + ".db");
        databases.Add(database);
        return database;
    }

    [Fact]
    public async Task Migrated_database_matches_the_model()
    {
        var migrated = NewDatabase("migrated");
        var expected = NewDatabase("expected");

        await using (var db = migrated.Context())
            await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await using (var db = expected.Context())
            await db.Database.EnsureCreatedAsync();

        var modelSchema = await DescribeAsync(expected);
        var migratedSchema = await DescribeAsync(migrated);

        Assert.NotEmpty(modelSchema);
        foreach (var (table, description) in modelSchema)
        {
            Assert.True(migratedSchema.ContainsKey(table), $"the migration scripts do not create table {table}");
            Assert.Equal(description, migratedSchema[table]);
        }
        var outside = await OutsideModelAsync(migrated);
        var extra = migratedSchema.Keys.Except(modelSchema.Keys).Where(t => !outside(t)).ToList();
        Assert.True(extra.Count == 0, "tables created by scripts but missing from the model: " + string.Join(", ", extra));
    }

    [Fact]
    public async Task Migrating_twice_applies_each_script_once()
    {
        var database = NewDatabase("twice");
        await using (var db = database.Context())
            await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await using (var db = database.Context())
            await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

        var ids = (await RowsAsync(database, "SELECT id FROM schema_migrations")).Select(r => r[0]).ToList();
        Assert.Equal(SchemaMigrator.Scripts(database.Provider).Select(s => s.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact, Trait("Database", "SqliteOnly")]
    public async Task The_sqlite_file_is_in_wal_mode()
    {
        var database = NewDatabase("wal");
        await using (var db = database.Context())
            await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        Assert.Equal("wal", (await RowsAsync(database, "PRAGMA journal_mode"))[0][0]);
    }

    /// <summary>Tables the scripts may add that EF does not model: the migrations ledger and the full-text index.</summary>
    private static async Task<Func<string, bool>> OutsideModelAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
            return table => table is "schema_migrations" or "search_index";
        var virtualTables = (await RowsAsync(database, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"))
            .Select(r => r[0]).ToList();
        return table => table == "schema_migrations" || virtualTables.Any(v => table == v || table.StartsWith(v + "_", StringComparison.Ordinal));
    }

    private static Task<Dictionary<string, string>> DescribeAsync(TestDatabase database) =>
        database.Provider == DatabaseProvider.Postgres ? DescribePostgresAsync(database) : DescribeSqliteAsync(database);

    /// <summary>Per table: columns (name, type, not-null, default, pk), indexes (name, unique, columns) and foreign keys.</summary>
    private static async Task<Dictionary<string, string>> DescribeSqliteAsync(TestDatabase database)
    {
        var tables = (await RowsAsync(database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).Select(r => r[0]);
        var result = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var columns = (await RowsAsync(database, $"PRAGMA table_info({quoted})"))
                .Select(r => $"{r[1]} {r[2]} notnull={r[3]} default={r[4]} pk={r[5]}").Order(StringComparer.Ordinal);
            var indexes = new List<string>();
            foreach (var r in (await RowsAsync(database, $"PRAGMA index_list({quoted})")).Where(r => r[3] != "pk"))
                indexes.Add($"{r[1]} unique={r[2]} ({string.Join(",", (await RowsAsync(database, $"PRAGMA index_info(\"{r[1]}\")")).Select(c => c[2]))})");
            var keys = (await RowsAsync(database, $"PRAGMA foreign_key_list({quoted})"))
                .Select(r => $"{r[3]} -> {r[2]}.{r[4]} on delete {r[6]}").Order(StringComparer.Ordinal);
            result[table] = string.Join("\n", columns.Concat(indexes.Order(StringComparer.Ordinal)).Concat(keys));
        }
        return result;
    }

    /// <summary>
    /// Per table in the public schema: columns (name, type with length, nullability, default, identity),
    /// indexes as PostgreSQL prints them (name, method, columns, unique), and constraints (primary and
    /// foreign keys with their ON DELETE rule).
    /// </summary>
    private static async Task<Dictionary<string, string>> DescribePostgresAsync(TestDatabase database)
    {
        var tables = (await RowsAsync(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).Select(r => r[0]);
        var result = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            var literal = "'" + table.Replace("'", "''", StringComparison.Ordinal) + "'";
            var columns = (await RowsAsync(database, $"""
                SELECT column_name, format_type(a.atttypid, a.atttypmod), is_nullable, coalesce(column_default, ''), is_identity, coalesce(identity_generation, '')
                FROM information_schema.columns c
                JOIN pg_attribute a ON a.attrelid = format('public.%I', c.table_name)::regclass AND a.attname = c.column_name
                WHERE c.table_schema = 'public' AND c.table_name = {literal}
                """)).Select(r => string.Join(" ", r)).Order(StringComparer.Ordinal);
            var indexes = (await RowsAsync(database, $"SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = {literal}"))
                .Select(r => r[0]).Order(StringComparer.Ordinal);
            var constraints = (await RowsAsync(database, $"""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = format('public.%I', {literal}::text)::regclass
                """)).Select(r => $"{r[0]} {r[1]}").Order(StringComparer.Ordinal);
            result[table] = string.Join("\n", columns.Concat(indexes).Concat(constraints));
        }
        return result;
    }

    private static async Task<List<string[]>> RowsAsync(TestDatabase database, string sql)
    {
        await using var db = database.Context();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }

    public void Dispose()
    {
        foreach (var database in databases) database.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
