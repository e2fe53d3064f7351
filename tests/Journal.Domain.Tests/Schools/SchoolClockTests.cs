using Journal.Domain.Schools;
using Shouldly;
using Xunit;
using static Journal.Domain.Tests.TestValues;

namespace Journal.Domain.Tests.Schools;

public class SchoolClockTests
{
    [Theory]
    [InlineData("2026-11-23T18:30:00Z", "Asia/Yekaterinburg", "2026-11-23", 23, 30)]
    [InlineData("2026-11-23T18:30:00Z", "Asia/Krasnoyarsk", "2026-11-24", 1, 30)]
    [InlineData("2026-11-23T18:30:00Z", "Europe/Moscow", "2026-11-23", 21, 30)]
    [InlineData("2026-11-23T18:30:00Z", "Asia/Kamchatka", "2026-11-24", 6, 30)]
    [InlineData("2026-11-23T21:59:59Z", "Europe/Kaliningrad", "2026-11-23", 23, 59)]
    [InlineData("2026-11-23T22:00:00Z", "Europe/Kaliningrad", "2026-11-24", 0, 0)]
    [InlineData("2026-12-31T19:00:00Z", "Asia/Yekaterinburg", "2027-01-01", 0, 0)]
    [InlineData("2026-12-31T18:59:00Z", "Asia/Yekaterinburg", "2026-12-31", 23, 59)]
    public void Today_is_the_date_in_the_school_zone_not_in_utc(
        string utcInstant, string zoneId, string expectedToday, int expectedHour, int expectedMinute)
    {
        var clock = SchoolClock.For(new FixedTimeProvider(Instant(utcInstant)), zoneId);

        clock.Today.ShouldBe(Date(expectedToday));
        clock.Now.Hour.ShouldBe(expectedHour);
        clock.Now.Minute.ShouldBe(expectedMinute);
        clock.Now.UtcDateTime.ShouldBe(Instant(utcInstant).UtcDateTime);
    }

    [Fact]
    public void One_instant_is_still_yesterday_in_Yekaterinburg_but_already_tomorrow_in_Krasnoyarsk()
    {
        var time = new FixedTimeProvider(Instant("2026-11-23T18:30:00Z"));

        var yekaterinburg = SchoolClock.For(time, "Asia/Yekaterinburg");
        var krasnoyarsk = SchoolClock.For(time, "Asia/Krasnoyarsk");

        yekaterinburg.Today.ShouldBe(Date("2026-11-23"));
        krasnoyarsk.Today.ShouldBe(Date("2026-11-24"));
        yekaterinburg.Now.Offset.ShouldBe(TimeSpan.FromHours(5));
        krasnoyarsk.Now.Offset.ShouldBe(TimeSpan.FromHours(7));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-24", "2026-11-23")]
    [InlineData("2026-11-25", "2026-11-23")]
    [InlineData("2026-11-26", "2026-11-23")]
    [InlineData("2026-11-27", "2026-11-23")]
    [InlineData("2026-11-28", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")]
    [InlineData("2026-11-30", "2026-11-30")]
    [InlineData("2027-01-01", "2026-12-28")]
    [InlineData("2027-01-03", "2026-12-28")]
    [InlineData("2028-03-05", "2028-02-28")]
    [InlineData("2028-02-29", "2028-02-28")]
    public void Week_starts_on_monday_and_sunday_belongs_to_the_week_that_began_six_days_earlier(
        string day, string expectedMonday)
    {
        var monday = SchoolClock.WeekStart(Date(day));

        monday.ShouldBe(Date(expectedMonday));
        monday.DayOfWeek.ShouldBe(DayOfWeek.Monday);
    }

    [Fact]
    public void Every_day_of_a_year_maps_to_the_monday_at_most_six_days_before_it()
    {
        for (var day = Date("2026-09-01"); day <= Date("2027-08-31"); day = day.AddDays(1))
        {
            var monday = SchoolClock.WeekStart(day);

            monday.DayOfWeek.ShouldBe(DayOfWeek.Monday, $"week of {day:O}");
            (day.DayNumber - monday.DayNumber).ShouldBeInRange(0, 6, $"week of {day:O}");
        }
    }
}
