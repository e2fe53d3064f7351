namespace Journal.Domain.Schools;

/// <summary>
/// "Today" and "now" in the school's own time zone (TEN-4): every deadline is computed here, the
/// one place where the injected clock meets the school's zone.
/// </summary>
public sealed class SchoolClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>Monday of the week that holds the date (weeks start on Monday).</summary>
    public static DateOnly WeekStart(DateOnly date) =>
        date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static SchoolClock For(TimeProvider time, string timeZoneId) =>
        new(time, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
}
