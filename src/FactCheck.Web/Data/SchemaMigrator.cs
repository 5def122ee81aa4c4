using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Applies the versioned SQL scripts in Data/Migrations/{Sqlite|Postgres}/NNNN_name.sql in order,
/// each in its own transaction together with its row in schema_migrations.
/// Why scripts and not EF migrations: Microsoft.EntityFrameworkCore.Design cannot be restored on our
/// build machines, so migrations cannot be scaffolded; hand-written SQL is reviewable, and
/// SchemaMatchesModelTests proves the scripts build exactly the schema the EF model expects.
/// </summary>
public sealed class SchemaMigrator(AppDbContext db, ILogger<SchemaMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var provider = DatabaseSetup.Of(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (provider == DatabaseProvider.Sqlite)
                // WAL lets readers continue while an editor saves; the setting is stored in the file.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
            else
                // Two instances starting together must not both apply the same script.
                await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(727274);", cancellationToken);

            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (id varchar(200) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL);",
                cancellationToken);
            var applied = new HashSet<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT id FROM schema_migrations;";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetString(0));
            }

            foreach (var (id, sql) in Scripts(provider).Where(s => !applied.Contains(s.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @at);";
                    AddParameter(record, "@id", id);
                    AddParameter(record, "@at", DateTime.UtcNow.ToString("O"));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema migration {Migration}", id);
            }

            if (provider == DatabaseProvider.Postgres)
                await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(727274);", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The scripts for a provider, ordered by their numeric prefix.</summary>
    public static IReadOnlyList<(string Id, string Sql)> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"migrations/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (Path.GetFileNameWithoutExtension(n[prefix.Length..]), Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

