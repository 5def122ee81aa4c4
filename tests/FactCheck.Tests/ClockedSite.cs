using Microsoft.Extensions.Time.Testing;
using FactCheck.Tests.Admin;

namespace FactCheck.Tests;

/// <summary>
/// The real site on a clock the test moves (FakeTimeProvider, starting at the real time): a test that
/// needs time to pass advances it instead of sleeping. Everything dated by the site — publishing, the
/// scheduler's rounds, feeds' "not yet public" — follows it, and so do <see cref="SiteFactory.AddAdvisoryAsync"/>.
/// </summary>
public class ClockedSite : SiteFactory
{
    public ClockedSite() => Clock = FakeClock;

    public FakeTimeProvider FakeClock { get; } = new(DateTimeOffset.UtcNow);
}

/// <summary>The back-office site (<see cref="BackOfficeSite"/>) on a clock the test moves.</summary>
public class ClockedBackOfficeSite : BackOfficeSite
{
    public ClockedBackOfficeSite() => Clock = FakeClock;

    protected ClockedBackOfficeSite(string dataPath, TestDatabase database, FakeTimeProvider clock) : base(dataPath, database)
    {
        FakeClock = clock;
        Clock = clock;
    }

    public FakeTimeProvider FakeClock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>
    /// Moves the clock one scheduler interval at a time, waiting for each round of every given scheduler,
    /// until <paramref name="condition"/> holds (at most <paramref name="rounds"/> intervals).
    /// </summary>
    public static async Task RunSchedulersUntilAsync(FakeTimeProvider clock, TimeSpan interval, IReadOnlyList<ScheduledPublisher> schedulers,
        Func<Task<bool>> condition, int rounds = 20)
    {
        for (var round = 0; round < rounds; round++)
        {
            if (await condition()) return;
            await AdvanceOneRoundAsync(clock, interval, schedulers);
        }
        Assert.True(await condition(), $"not done after {rounds} scheduler rounds");
    }

    /// <summary>One interval later, once every scheduler has finished the round it started.</summary>
    public static async Task AdvanceOneRoundAsync(FakeTimeProvider clock, TimeSpan interval, IReadOnlyList<ScheduledPublisher> schedulers)
    {
        var done = schedulers.Select(s => s.NextRoundAsync()).ToList();
        clock.Advance(interval);
        // A safety net for a broken scheduler, not a wait: rounds finish in milliseconds.
        await Task.WhenAll(done).WaitAsync(TimeSpan.FromSeconds(60));
    }
}
