using Journal.Domain.Organization;
using Shouldly;
using Xunit;
using static Journal.Domain.Tests.TestValues;

namespace Journal.Domain.Tests.Organization;

public class AcademicYearTests
{
    [Theory]
    [InlineData(PeriodKind.Quarter, 1, "1-я четверть")]
    [InlineData(PeriodKind.Quarter, 2, "2-я четверть")]
    [InlineData(PeriodKind.Quarter, 3, "3-я четверть")]
    [InlineData(PeriodKind.Quarter, 4, "4-я четверть")]
    [InlineData(PeriodKind.Trimester, 1, "1-й триместр")]
    [InlineData(PeriodKind.Trimester, 2, "2-й триместр")]
    [InlineData(PeriodKind.Trimester, 3, "3-й триместр")]
    [InlineData(PeriodKind.HalfYear, 1, "1-е полугодие")]
    [InlineData(PeriodKind.HalfYear, 2, "2-е полугодие")]
    public void Study_period_is_named_in_russian_by_its_kind_and_number(PeriodKind kind, int number, string expected)
    {
        var period = new StudyPeriod { Kind = kind, Number = number };

        period.Name.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-10-25", 5, false)]
    [InlineData("2026-10-26", 5, true)]
    [InlineData("2026-10-30", 5, true)]
    [InlineData("2026-11-03", 5, true)]
    [InlineData("2026-11-04", 5, false)]
    [InlineData("2026-10-30", 1, true)]
    [InlineData("2026-10-30", 11, true)]
    public void Holiday_for_all_grades_covers_its_dates_inclusive(string day, int grade, bool expected)
    {
        var autumn = new Holiday
        {
            Name = "Осенние каникулы",
            StartDate = Date("2026-10-26"),
            EndDate = Date("2026-11-03"),
        };

        autumn.Covers(Date(day), grade).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2027-02-14", 1, false)]
    [InlineData("2027-02-15", 1, true)]
    [InlineData("2027-02-21", 1, true)]
    [InlineData("2027-02-22", 1, false)]
    [InlineData("2027-02-15", 2, false)]
    [InlineData("2027-02-21", 11, false)]
    public void Holiday_for_one_grade_covers_only_that_grade(string day, int grade, bool expected)
    {
        var firstGradersExtra = new Holiday
        {
            Name = "Дополнительные каникулы для первоклассников",
            StartDate = Date("2027-02-15"),
            EndDate = Date("2027-02-21"),
            Grade = 1,
        };

        firstGradersExtra.Covers(Date(day), grade).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-08-31", false)]
    [InlineData("2026-09-01", true)]
    [InlineData("2027-05-31", true)]
    [InlineData("2027-06-01", false)]
    public void Study_period_and_year_contain_their_boundary_dates(string day, bool expected)
    {
        var period = new StudyPeriod
        {
            Kind = PeriodKind.HalfYear,
            Number = 1,
            StartDate = Date("2026-09-01"),
            EndDate = Date("2027-05-31"),
        };
        var year = new AcademicYear { Name = "2026/2027", StartDate = Date("2026-09-01"), EndDate = Date("2027-05-31") };

        period.Contains(Date(day)).ShouldBe(expected);
        year.Contains(Date(day)).ShouldBe(expected);
    }
}
