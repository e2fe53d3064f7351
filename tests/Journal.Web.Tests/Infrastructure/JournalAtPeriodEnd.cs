namespace Journal.Web.Tests.Infrastructure;

/// <summary>
/// The whole application, with its own database, on 23.12.2026 at 10:00 in Yekaterinburg (the clock then runs on):
/// in the demo school that is the last week of the 2nd quarter (05.11–28.12.2026, period marks open from 22.12 and due
/// by 26.12, DL-3), while the 1st quarter (ended 25.10.2026) is locked since 08.11 (LCK-1). Period-mark rules depend on
/// the date, so their tests run on this one, whatever day the suite runs.
/// </summary>
public sealed class JournalAtPeriodEnd() : JournalApp(new RunningFrom(new DateTimeOffset(2026, 12, 23, 10, 0, 0, TimeSpan.FromHours(5))))
{
    public static readonly DateOnly Today = new(2026, 12, 23);

    /// <summary>A clock that starts at a given instant and runs at the real pace.</summary>
    private sealed class RunningFrom(DateTimeOffset start) : TimeProvider
    {
        private readonly long _started = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(_started);
    }
}

[CollectionDefinition(nameof(AtPeriodEnd))]
public sealed class AtPeriodEnd : ICollectionFixture<JournalAtPeriodEnd>;
