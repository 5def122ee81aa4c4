namespace FactCheck.Tests.Data;

/// <summary>
/// script/test runs this suite twice, the second time with FACTCHECK_TEST_POSTGRES set. This proves
/// the second run really reaches PostgreSQL instead of quietly testing SQLite again.
/// </summary>
public class ProviderTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_site_runs_on_the_provider_of_this_test_run()
    {
        var provider = DatabaseProvider.Sqlite;
        await site.WithDatabaseAsync(db => { provider = DatabaseSetup.Of(db); return Task.CompletedTask; });

        Assert.Equal(TestDatabase.RunProvider, provider);
        Assert.IsType(TestDatabase.RunProvider == DatabaseProvider.Postgres ? typeof(PostgresSearchIndex) : typeof(SqliteSearchIndex),
            site.Services.GetService(typeof(SearchIndex)));
    }
}
