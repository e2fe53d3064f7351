using Journal.Domain.People;
using Shouldly;
using Xunit;
using static Journal.Domain.Tests.TestValues;

namespace Journal.Domain.Tests.People;

public class EnrolmentTests
{
    [Theory]
    [InlineData("2026-09-01", false)]
    [InlineData("2026-09-02", true)]
    [InlineData("2026-12-15", true)]
    [InlineData("2026-12-16", true)]
    [InlineData("2026-12-17", false)]
    public void Departed_pupil_is_in_the_class_from_arrival_to_the_last_day_inclusive(string day, bool expected)
    {
        var enrolment = new Enrolment { FromDate = Date("2026-09-02"), ToDate = Date("2026-12-16") };

        enrolment.IsActiveOn(Date(day)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-09-01", false)]
    [InlineData("2026-09-02", true)]
    [InlineData("2027-05-31", true)]
    [InlineData("2035-01-01", true)]
    public void Pupil_still_in_the_class_is_active_from_arrival_on(string day, bool expected)
    {
        var enrolment = new Enrolment { FromDate = Date("2026-09-02"), ToDate = null };

        enrolment.IsActiveOn(Date(day)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-09-01", false)]
    [InlineData("2026-09-02", true)]
    [InlineData("2026-09-03", false)]
    public void Pupil_who_left_on_the_day_of_arrival_is_active_that_day_only(string day, bool expected)
    {
        var enrolment = new Enrolment { FromDate = Date("2026-09-02"), ToDate = Date("2026-09-02") };

        enrolment.IsActiveOn(Date(day)).ShouldBe(expected);
    }
}
